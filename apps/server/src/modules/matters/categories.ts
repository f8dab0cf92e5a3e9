import type { Urgency } from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { ttlCache } from '../../platform/ttl-cache';
import { recordAudit } from '../audit/service';
import { presentCategory } from './presenter';
import * as repo from './repository';

/** The default catalogue. Codes are stable; names and hours may be edited by matter:config. */
export const DEFAULT_CATEGORIES: { code: string; nameZh: string; nameEn: string; defaultUrgency?: Urgency }[] = [
  { code: 'infrastructure', nameZh: '基础设施', nameEn: 'Infrastructure (roads, bridges, lights)' },
  { code: 'utilities', nameZh: '水电气', nameEn: 'Water, power and gas' },
  { code: 'environment', nameZh: '环境卫生与人居环境', nameEn: 'Sanitation and living environment' },
  { code: 'housing', nameZh: '住房安全', nameEn: 'Housing safety' },
  { code: 'social', nameZh: '社会保障与政策咨询', nameEn: 'Social security and policy questions' },
  { code: 'medical', nameZh: '医疗卫生', nameEn: 'Medical and health' },
  { code: 'education', nameZh: '教育', nameEn: 'Education' },
  { code: 'farming', nameZh: '农业生产', nameEn: 'Farming' },
  { code: 'safety', nameZh: '安全隐患', nameEn: 'Safety hazards', defaultUrgency: 'urgent' },
  { code: 'help', nameZh: '求助', nameEn: 'Help requests' },
  { code: 'suggestion', nameZh: '意见建议', nameEn: 'Suggestions' },
  { code: 'dispute', nameZh: '矛盾纠纷', nameEn: 'Disputes' },
];

/** Idempotent and migration-safe: inserts missing codes, never overwrites an edited category. */
export async function ensureDefaultCategories(ctx: Pick<Ctx, 'db' | 'clock'>): Promise<void> {
  const now = ctx.clock.now();
  await repo.insertCategoriesIfMissing(
    ctx.db,
    DEFAULT_CATEGORIES.map((c, i) => ({ ...c, defaultUrgency: c.defaultUrgency ?? 'ordinary', sort: (i + 1) * 10, updatedAt: now })),
  );
}

export async function listCategories(ctx: Ctx, includeInactive: boolean) {
  if (includeInactive) requirePermission(ctx, 'matter:config');
  return (await repo.listCategories(ctx.db, !includeInactive)).map(presentCategory);
}

// Every report reads its category: keep them briefly in memory. An edit applies at once on this
// instance and within CACHE_MS on the others (names and hours, never which matter is which).
const cache = ttlCache<repo.CategoryRow | null>(10_000);

/** A category by code, active or not, from the cache (names for messages). */
export function cachedCategory(ctx: Ctx, code: string): Promise<repo.CategoryRow | null> {
  return cache.get(ctx, code, () => repo.findCategory(ctx.db, code));
}

/** An active category, or CATEGORY_NOT_FOUND naming the field. */
export async function requireCategory(ctx: Ctx, code: string, field = 'categoryCode') {
  const row = await cachedCategory(ctx, code);
  if (!row?.active) throw new AppError('CATEGORY_NOT_FOUND', { code }, { field });
  return row;
}

export interface CategoryInput {
  nameZh: string;
  nameEn: string;
  active: boolean;
  defaultUrgency: Urgency;
  sort: number;
  respondHoursUrgent?: number | null;
  respondHoursOrdinary?: number | null;
  respondHoursComplex?: number | null;
  resolveHoursUrgent?: number | null;
  resolveHoursOrdinary?: number | null;
  resolveHoursComplex?: number | null;
}

/** Creates or replaces one category (categories are never deleted: old matters point at them). */
export async function putCategory(ctx: Ctx, code: string, input: CategoryInput) {
  requirePermission(ctx, 'matter:config');
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findCategory(tx.db, code);
    const row = {
      code,
      ...input,
      respondHoursUrgent: input.respondHoursUrgent ?? null,
      respondHoursOrdinary: input.respondHoursOrdinary ?? null,
      respondHoursComplex: input.respondHoursComplex ?? null,
      resolveHoursUrgent: input.resolveHoursUrgent ?? null,
      resolveHoursOrdinary: input.resolveHoursOrdinary ?? null,
      resolveHoursComplex: input.resolveHoursComplex ?? null,
      updatedAt: tx.clock.now(),
    };
    await repo.upsertCategory(tx.db, row);
    cache.clear();
    await recordAudit(tx, {
      action: before ? 'matterCategory.update' : 'matterCategory.create',
      entityType: 'matterCategory',
      entityId: code,
      before,
      after: row,
    });
    return presentCategory((await repo.findCategory(tx.db, code)) as repo.CategoryRow);
  });
}

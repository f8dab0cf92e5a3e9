import type { MatterState } from '@jiceng/shared';
import { type Ctx, readAll, requirePermission } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { loadVisible } from './access';
import { allowedActions, readScope } from './policy';
import { presentDetail, presentSummary } from './presenter';
import type { MatterRow, QueueCursor } from './repository';
import * as repo from './repository';

export function encodeCursor(m: MatterRow): string {
  return `${m.stageDeadline.getTime().toString(36)}.${m.id.toString(36)}`;
}

function decodeCursor(s: string | undefined): QueueCursor | null {
  if (!s) return null;
  const [t, id] = s.split('.');
  const deadline = new Date(Number.parseInt(t ?? '', 36));
  const n = Number.parseInt(id ?? '', 36);
  if (Number.isNaN(deadline.getTime()) || !Number.isSafeInteger(n))
    throw new AppError('VALIDATION', { summaryZh: 'after：游标无效', summaryEn: 'after: invalid cursor' }, { field: 'after' });
  return { deadline, id: n };
}

export async function namesFor(ctx: Ctx, rows: MatterRow[]): Promise<Map<string, string>> {
  const codes = new Set<string>();
  for (const m of rows) {
    codes.add(m.unitCode);
    codes.add(m.responsibleUnitCode);
  }
  return new Map((await repo.unitNames(ctx.db, [...codes])).map((u) => [u.code, u.name]));
}

/**
 * The actor's work queue, most urgent deadline first, keyset-paged. A department sees the matters
 * dispatched to it; everyone else the open matters whose responsible unit (or transfer target) is in scope.
 */
export async function queue(ctx: Ctx, q: { unitCode?: string; state?: MatterState[]; after?: string; limit: number }) {
  const actor = requirePermission(ctx, 'matter:read');
  const cursor = decodeCursor(q.after);
  let rows: MatterRow[];
  // The queue is the actionable part of what the read policy allows (responsible, transfer target, active dispatch).
  const scope = readScope(actor);
  if (scope.kind === 'department') {
    rows = await repo.queueByDepartment(ctx.db, scope.departmentId, cursor, q.limit + 1);
  } else if (scope.kind === 'units') {
    const prefix = q.unitCode?.startsWith(scope.prefix) ? q.unitCode : scope.prefix;
    rows = await repo.queueByUnit(ctx.db, prefix, q.state ?? null, cursor, q.limit + 1);
  } else rows = [];
  const page = rows.slice(0, q.limit);
  const now = ctx.clock.now();
  const names = await namesFor(ctx, page);
  return {
    items: page.map((m) => presentSummary(m, actor, now, names)),
    nextAfter: rows.length > q.limit && page.length ? encodeCursor(page[page.length - 1] as MatterRow) : null,
  };
}

/** One matter with its whole history, dispatches and photos. Viewing it is audited (it holds personal data). */
export async function detail(ctx: Ctx, id: number) {
  const actor = requirePermission(ctx, 'matter:read');
  const m = await loadVisible(ctx, id);
  const [events, dispatches, photos, followers] = await readAll(ctx, [
    () => repo.listEvents(ctx.db, id),
    () => repo.listDispatches(ctx.db, id),
    () => repo.listPhotoMeta(ctx.db, id),
    () => repo.listFollowers(ctx.db, [id]),
  ] as const);
  await recordAudit(ctx, { action: 'matter.view', entityType: 'matter', entityId: id, unitCode: m.unitCode });
  const followerPhones = followers.filter((f) => f.kind !== 'reporter' && f.phone).length;
  const now = ctx.clock.now();
  // The same rule act() applies, so the web shows exactly the buttons the server would accept.
  const allowed = allowedActions(actor, m, { now, dispatches: dispatches.map((d) => d.dispatch) });
  return presentDetail(m, actor, now, await namesFor(ctx, [m]), events, dispatches, photos, followers.length, followerPhones, allowed);
}

export async function photo(ctx: Ctx, id: number, photoId: number) {
  requirePermission(ctx, 'matter:read');
  await loadVisible(ctx, id);
  const p = await repo.findPhoto(ctx.db, id, photoId);
  if (!p) throw new AppError('NOT_FOUND', { what: `photo ${photoId}` }, { field: 'photoId' });
  return p;
}

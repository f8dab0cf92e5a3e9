import { isFinal, levelOfCode, MATTER_STATE_ZH, maskFreeText } from '@jiceng/shared';
import { type Actor, type Ctx, requirePermission, requireScope, scopeOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { matterFollowToken } from '../matters/codes';
import type { MatterEvent } from '../matters/events';
import { cachedCategory } from '../matters/categories';
import * as matterLookup from '../matters/lookup';
import { readableMatterId } from '../matters/policy';
import { featuresOf } from './features';
import * as repo from './repository';
import { normalize } from './text';

/**
 * The cut of the re-ranked score (score.ts) below which a matter is not shown: on the labelled set
 * (eval/similar-set.json) it keeps recall@3 above 0.9 with hard negatives under 10 % (docs/similar.md).
 */
export const MIN_SCORE = 0.25;
export const MAX_RESULTS = 5;

function villageOfUnit(unitCode: string): string {
  const level = levelOfCode(unitCode);
  if (!level) throw new AppError('UNIT_CODE_INVALID', { code: unitCode }, { field: 'unitCode' });
  if (level === 'district' || level === 'township') throw new AppError('MATTER_UNIT_LEVEL', {}, { field: 'unitCode' });
  return unitCode.slice(0, 12);
}

function queryFeatures(villageCode: string, text: string) {
  if ([...normalize(text).replace(/ /g, '')].length < 2) throw new AppError('SIMILAR_TEXT_EMPTY', {}, { field: 'text' });
  return featuresOf(villageCode, text);
}

/**
 * Keeps the index in step: a new matter's text on its report, open/closed on every later event.
 * The rows a batch (re)builds are written in one statement.
 */
export async function indexMatterEvents(
  ctx: Ctx,
  events: readonly Pick<MatterEvent, 'matterId' | 'action' | 'toState' | 'unitCode' | 'matter'>[],
): Promise<void> {
  const rows: repo.IndexRow[] = [];
  for (const e of events) {
    const open = !isFinal(e.toState as never);
    if (e.action !== 'report' && (await repo.setOpen(ctx.db, e.matterId, open, e.unitCode)) > 0) continue;
    // A report, or a matter from before this index existed: (re)build its row from the matter.
    const m = e.matter;
    if (levelOfCode(m.unitCode) === null || m.unitCode.length < 12) continue;
    const village = m.unitCode.slice(0, 12);
    rows.push({ matterId: m.id, villageCode: village, unitCode: m.unitCode, open: !isFinal(m.state), ...featuresOf(village, m.description) });
  }
  await repo.upsertIndex(ctx, rows);
}

async function hitsFor(ctx: Ctx, unitCode: string, text: string, scope: string, actor: Actor | null) {
  const village = villageOfUnit(unitCode);
  const f = queryFeatures(village, text);
  // The village's matters, but never sideways: a group's representative sees the group's only.
  const within = scope.length > village.length ? scope : village;
  // And only what the actor may read (a department: what was dispatched to it); the resident's page has no actor.
  const readable = actor ? readableMatterId(actor, repo.candidateMatterId(), { placeWithin: within }) : null;
  const hits = await repo.findSimilar(ctx.db, { ...f, villageCode: village, scope: within, minScore: MIN_SCORE, limit: MAX_RESULTS, readable });
  const rows = [];
  for (const h of hits) {
    const m = await matterLookup.findMatter(ctx, h.matterId);
    if (m) rows.push({ m, score: Math.round(h.score * 1000) / 1000 });
  }
  // Names of the hits' categories (at most five), from the matters module's cache.
  const codes = [...new Set(rows.map((r) => r.m.categoryCode))];
  const categories = new Map(await Promise.all(codes.map(async (code) => [code, await cachedCategory(ctx, code)] as const)));
  return { rows, categories };
}

/** For handlers: open matters of the same village that may be the same problem, best first. */
export async function similarMatters(ctx: Ctx, input: { unitCode: string; text: string }) {
  const actor = requirePermission(ctx, 'matter:read');
  const scope = scopeOf(ctx);
  // A zone or group account asks about its own village and sees its own part of it.
  if (!scope.startsWith(input.unitCode.slice(0, 12))) requireScope(ctx, input.unitCode);
  const { rows, categories } = await hitsFor(ctx, input.unitCode, input.text, scope, actor);
  return rows.map(({ m, score }) => ({
    id: m.id,
    trackingCode: m.trackingCode,
    unitCode: m.unitCode,
    categoryCode: m.categoryCode,
    categoryName: categories.get(m.categoryCode)?.nameZh ?? m.categoryCode,
    state: m.state,
    // Masked like the detail: phones and ID numbers typed in come only through the audited reveal.
    description: maskFreeText(m.description),
    createdAt: m.createdAt,
    score,
  }));
}

/** Long digit runs (phones, ID numbers) in a resident's text are not for strangers. */
export function shortPublicText(description: string, max = 40): string {
  const masked = description.replace(/\d[\d\s-]{5,}\d/g, (d) => '*'.repeat(Math.min(d.length, 11)));
  const chars = [...masked.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** For the resident's report page: "is this already reported?" with nothing that identifies anyone. */
export async function similarMattersPublic(ctx: Ctx, input: { unitCode: string; text: string }, secret: Buffer) {
  const { rows, categories } = await hitsFor(ctx, input.unitCode, input.text, '', null);
  const followers = rows.length
    ? await matterLookup.listFollowers(
        ctx,
        rows.map((r) => r.m.id),
      )
    : [];
  const count = new Map<number, number>();
  for (const f of followers) count.set(f.matterId, (count.get(f.matterId) ?? 0) + 1);
  return rows.map(({ m, score }) => {
    const c = categories.get(m.categoryCode);
    return {
      category: (ctx.locale === 'en' ? c?.nameEn : c?.nameZh) ?? m.categoryCode,
      description: shortPublicText(m.description),
      state: m.state,
      stateName: MATTER_STATE_ZH[m.state],
      followers: count.get(m.id) ?? 0,
      followToken: matterFollowToken(secret, m.id),
      reportedAt: m.createdAt,
      score,
    };
  });
}

import { type Fixed, MATTER_STATE_ZH, type Satisfaction } from '@jiceng/shared';
import { type Ctx, inTransaction } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { normalizeTrackingCode } from './codes';
import { presentPublic } from './presenter';
import { sealMatterId } from './public-ids';
import { namesFor } from './queue';
import type { MatterRow } from './repository';
import * as repo from './repository';
import { actAnonymously } from './transition';

async function byCode(ctx: Ctx, code: string): Promise<MatterRow> {
  const m = await repo.findMatterByCode(ctx.db, normalizeTrackingCode(code));
  if (!m) throw new AppError('MATTER_NOT_FOUND', { id: code }, { field: 'trackingCode' });
  return m;
}

/** A merged duplicate is followed through the matter it was merged into. */
async function followMerge(ctx: Ctx, m: MatterRow): Promise<MatterRow> {
  let cur = m;
  for (let i = 0; i < 5 && cur.mergedIntoId; i++) cur = (await repo.findMatter(ctx.db, cur.mergedIntoId)) ?? cur;
  return cur;
}

/**
 * The resident's view by tracking code: steps, answer and what they can do next. A merged
 * duplicate names the matter it joined by its public (Open311) id: that matter's tracking code is
 * another resident's receipt, good for rating and reopening it.
 */
export function publicView(ctx: Ctx, code: string, secret: Buffer) {
  return viewOf(ctx, code, secret);
}

// Rating and reopening never act on a merged duplicate (the state machine refuses), so their
// answers need no secret to name a merge target.
async function viewOf(ctx: Ctx, code: string, secret: Buffer | null) {
  const m = await byCode(ctx, code);
  const events = await repo.listEvents(ctx.db, m.id);
  const category = await repo.findCategory(ctx.db, m.categoryCode);
  const target = m.mergedIntoId ? await followMerge(ctx, m) : null;
  const names = await namesFor(ctx, [m]);
  const actorUnits = [...new Set(events.map((e) => e.actorUnitCode).filter((c): c is string => !!c && !names.has(c)))];
  for (const u of await repo.unitNames(ctx.db, actorUnits)) names.set(u.code, u.name);
  return presentPublic(
    m,
    ctx.clock.now(),
    names,
    events,
    ctx.locale === 'en' ? (category?.nameEn ?? null) : (category?.nameZh ?? null),
    target && secret ? sealMatterId(secret, 'open311-request', target.id) : null,
  );
}

/** The reporter's rating; "unsatisfied" or "not fixed" reopens the matter in the same transaction. */
export async function rate(ctx: Ctx, code: string, input: { satisfaction: Satisfaction; fixed: Fixed; comment?: string }) {
  return inTransaction(ctx, async (tx) => {
    const m = await byCode(tx, code);
    const updated = await actAnonymously(tx, m, { action: 'rate', ...input }, 'resident');
    return viewOf(tx, updated.trackingCode, null);
  });
}

export async function reopen(ctx: Ctx, code: string, input: { reason: string }) {
  return inTransaction(ctx, async (tx) => {
    const m = await byCode(tx, code);
    const updated = await actAnonymously(tx, m, { action: 'reopen', reason: input.reason }, 'resident');
    return viewOf(tx, updated.trackingCode, null);
  });
}

/** "Me too": follow an existing matter instead of filing the same problem again. */
export async function follow(ctx: Ctx, code: string, input: { name?: string | null; phone: string }) {
  const found = await byCode(ctx, code);
  // Following a merged duplicate follows the matter it joined, but answers the caller's own code.
  return { ...(await followMatter(ctx, found, input)), trackingCode: found.trackingCode };
}

/** Follow by the opaque token the similar-matters list gives: the tracking code stays private. */
export async function followById(ctx: Ctx, id: number, input: { name?: string | null; phone: string }) {
  const m = await repo.findMatter(ctx.db, id);
  if (!m) throw new AppError('NOT_FOUND', { what: 'followToken' }, { field: 'followToken' });
  const { trackingCode: _private, ...rest } = await followMatter(ctx, m, input);
  return rest;
}

async function followMatter(ctx: Ctx, found: MatterRow, input: { name?: string | null; phone: string }) {
  const m = await followMerge(ctx, found);
  if (['closed', 'closedUnresolved'].includes(m.state))
    throw new AppError('MATTER_TRANSITION_NOT_ALLOWED', { action: 'follow', state: m.state, actionZh: '关注', stateZh: MATTER_STATE_ZH[m.state] });
  const added = await repo.addFollower(ctx.db, { matterId: m.id, kind: 'follower', name: input.name ?? null, phone: input.phone, createdAt: ctx.clock.now() });
  const followers = await repo.listFollowers(ctx.db, [m.id]);
  return { trackingCode: m.trackingCode, following: true, added, followerCount: followers.length };
}

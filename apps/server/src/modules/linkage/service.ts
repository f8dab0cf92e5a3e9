import { CODE_LENGTH, DEFAULT_MAX_PER_REP, isWithin, levelOfCode, proposeLinkage, type Tier } from '@jiceng/shared';
import { type Ctx, inTransaction, readAll, requireActor, requirePermission, requireScope } from '../../platform/context';
import { AppError, type ErrorDetail } from '../../platform/errors';
import { findUserIdsAt, findUsersBrief } from '../accounts/service';
import { recordAudit } from '../audit/service';
import { emitLinkageChange } from './events';
import { canChangeLinkage, canReadLinkage } from './policy';
import * as repo from './repository';

const villageOf = (code: string) => code.slice(0, CODE_LENGTH.village);

function requireVillage(ctx: Ctx, unitCode: string, field = 'unitCode') {
  if (levelOfCode(unitCode) !== 'village') throw new AppError('LINKAGE_UNIT_LEVEL', { field }, { field });
  requireScope(ctx, unitCode, field);
}

function requireUnit(ctx: Ctx, unitCode: string, field = 'unitCode') {
  if (!levelOfCode(unitCode)) throw new AppError('UNIT_CODE_INVALID', { code: unitCode }, { field });
  requireScope(ctx, unitCode, field);
}

/** Active representatives bound anywhere inside a village. */
async function representativesOf(ctx: Ctx, village: string) {
  const ids = await findUserIdsAt(ctx, { unitCodes: await repo.unitCodesUnder(ctx.db, village), roles: ['representative'] });
  return (await findUsersBrief(ctx, ids)).sort((a, b) => a.id - b.id);
}

export async function propose(ctx: Ctx, input: { unitCode: string; maxPerRep?: number }) {
  requirePermission(ctx, 'linkage:write');
  requireVillage(ctx, input.unitCode);
  const maxPerRep = input.maxPerRep ?? DEFAULT_MAX_PER_REP;
  const [houses, reps] = await readAll(ctx, [() => repo.householdsForProposal(ctx.db, input.unitCode), () => representativesOf(ctx, input.unitCode)] as const);
  const loads = new Map(
    (
      await repo.repLoads(
        ctx.db,
        reps.map((r) => r.id),
      )
    ).map((l) => [l.representativeUserId, l]),
  );
  const proposal = proposeLinkage(
    houses,
    reps.map((r) => ({ id: r.id, unitCode: r.unitCode as string, load: loads.get(r.id)?.load ?? 0, reds: loads.get(r.id)?.reds ?? 0 })),
    maxPerRep,
  );
  const byId = new Map(reps.map((r) => [r.id, r]));
  return {
    unitCode: input.unitCode,
    maxPerRep,
    households: houses.length,
    kept: proposal.assignments.filter((a) => a.proximity === 'existing').length,
    assignments: proposal.assignments,
    unassigned: proposal.unassigned,
    representatives: proposal.loads.map((l) => {
      const r = byId.get(l.representativeUserId);
      return { ...l, displayName: r?.displayName ?? '', unitCode: r?.unitCode ?? '' };
    }),
  };
}

type Assignment = { householdId: number; representativeUserId: number };

/**
 * Checks every pair before anything is written: the household exists and lies in the actor's
 * scope, the user is an active representative of the household's village. All problems are
 * reported at once (the first one gives the code).
 */
async function validatePairs(ctx: Ctx, pairs: Assignment[], fieldOf: (i: number, key: keyof Assignment) => string) {
  const actor = requireActor(ctx);
  const houses = new Map((await repo.householdsWithLinks(ctx.db, [...new Set(pairs.map((p) => p.householdId))])).map((h) => [h.id, h]));
  const reps = new Map((await findUsersBrief(ctx, [...new Set(pairs.map((p) => p.representativeUserId))])).map((u) => [u.id, u]));
  const problems: {
    code: 'HOUSEHOLD_NOT_FOUND' | 'LINKAGE_REP_INVALID' | 'LINKAGE_DUPLICATE';
    params: Record<string, unknown>;
    detail: ErrorDetail;
  }[] = [];
  const seen = new Set<number>();
  pairs.forEach((p, i) => {
    const hf = fieldOf(i, 'householdId');
    const rf = fieldOf(i, 'representativeUserId');
    const h = houses.get(p.householdId);
    if (!h || !canChangeLinkage(actor, h)) {
      // Outside the actor's subtree answers like missing: a probe learns neither existence nor place.
      problems.push({
        code: 'HOUSEHOLD_NOT_FOUND',
        params: { id: p.householdId, field: hf, what: `户 ${p.householdId} `, whatEn: `Household ${p.householdId}` },
        detail: { field: hf, zh: `户 ${p.householdId} 不存在或不在管辖范围内`, en: `household ${p.householdId} does not exist or is outside your unit` },
      });
      return;
    }
    if (seen.has(p.householdId)) {
      problems.push({
        code: 'LINKAGE_DUPLICATE',
        params: { field: hf },
        detail: { field: hf, zh: '同一户出现了多次', en: 'the same household appears more than once' },
      });
      return;
    }
    seen.add(p.householdId);
    const u = reps.get(p.representativeUserId);
    const reason = !u
      ? ['用户不存在', 'no such user']
      : u.role !== 'representative'
        ? ['须为村（居）民代表账号', 'must be a representative account']
        : u.status !== 'active'
          ? ['账号已停用', 'the account is disabled']
          : !u.unitCode || villageOf(u.unitCode) !== villageOf(h.unitCode)
            ? ['须为该户所在村（社区）的代表', "must be a representative of the household's village"]
            : null;
    if (reason) {
      problems.push({
        code: 'LINKAGE_REP_INVALID',
        params: { field: rf, reason: reason[0], reasonEn: reason[1] },
        detail: { field: rf, zh: reason[0] as string, en: reason[1] as string },
      });
    }
  });
  const first = problems[0];
  if (first) throw new AppError(first.code, first.params, { field: first.detail.field, details: problems.map((p) => p.detail) });
  return houses;
}

/** Writes the changed links with their history, in the caller's transaction. */
async function writeLinks(tx: Ctx, pairs: (Assignment & { from: number | null })[], reason: 'apply' | 'manual' | 'handover') {
  const now = tx.clock.now();
  const by = tx.actor?.userId ?? null;
  const changed = pairs.filter((p) => p.from !== p.representativeUserId);
  await repo.upsertLinkages(
    tx.db,
    changed.map((p) => ({ householdId: p.householdId, representativeUserId: p.representativeUserId, linkedAt: now, linkedBy: by })),
  );
  await repo.insertHistory(
    tx.db,
    changed.map((p) => ({ householdId: p.householdId, fromUserId: p.from, toUserId: p.representativeUserId, reason, changedBy: by, changedAt: now })),
  );
  await emitLinkageChange(tx, { householdIds: changed.map((p) => p.householdId) });
  return changed;
}

export async function apply(ctx: Ctx, input: { assignments: Assignment[] }) {
  requirePermission(ctx, 'linkage:write');
  return inTransaction(ctx, async (tx) => {
    const houses = await validatePairs(tx, input.assignments, (i, k) => `assignments.${i}.${k}`);
    const changed = await writeLinks(
      tx,
      input.assignments.map((p) => ({ ...p, from: houses.get(p.householdId)?.representativeUserId ?? null })),
      'apply',
    );
    const villages = [...new Set(changed.map((p) => villageOf(houses.get(p.householdId)?.unitCode ?? '')))];
    for (const village of villages) {
      const here = changed.filter((p) => villageOf(houses.get(p.householdId)?.unitCode ?? '') === village);
      await recordAudit(tx, {
        action: 'linkage.apply',
        entityType: 'unit',
        entityId: village,
        unitCode: village,
        after: { changed: here.map((p) => ({ householdId: p.householdId, from: p.from, to: p.representativeUserId })) },
      });
    }
    return { applied: input.assignments.length, changed: changed.length, unchanged: input.assignments.length - changed.length };
  });
}

export async function getLinkage(ctx: Ctx, householdId: number) {
  requirePermission(ctx, 'household:read');
  const actor = requireActor(ctx);
  const [h] = await repo.householdsWithLinks(ctx.db, [householdId]);
  if (!h || !canReadLinkage(actor, h)) throw new AppError('HOUSEHOLD_NOT_FOUND', { id: householdId }, { field: 'householdId' });
  const history = await repo.historyOf(ctx.db, householdId);
  const people = new Map(
    (
      await findUsersBrief(
        ctx,
        [h.representativeUserId, ...history.flatMap((x) => [x.fromUserId, x.toUserId])].filter((x): x is number => x !== null),
      )
    ).map((u) => [u.id, u]),
  );
  const person = (id: number | null) => {
    const u = id === null ? undefined : people.get(id);
    return u ? { userId: u.id, displayName: u.displayName, phone: u.phone, unitCode: u.unitCode } : null;
  };
  return {
    householdId,
    unitCode: h.unitCode,
    representative: person(h.representativeUserId),
    linkedAt: h.linkedAt?.toISOString() ?? null,
    history: history.map((x) => ({ from: person(x.fromUserId), to: person(x.toUserId), reason: x.reason, changedAt: x.changedAt.toISOString() })),
  };
}

export async function reassign(ctx: Ctx, householdId: number, input: { representativeUserId: number | null }) {
  requirePermission(ctx, 'linkage:write');
  return inTransaction(ctx, async (tx) => {
    if (input.representativeUserId === null) {
      const [h] = await repo.householdsWithLinks(tx.db, [householdId]);
      if (!h || !canChangeLinkage(requireActor(tx), h)) throw new AppError('HOUSEHOLD_NOT_FOUND', { id: householdId }, { field: 'householdId' });
      if (h.representativeUserId !== null) {
        await repo.deleteLinkage(tx.db, householdId);
        await repo.insertHistory(tx.db, [
          { householdId, fromUserId: h.representativeUserId, toUserId: null, reason: 'manual', changedBy: tx.actor?.userId ?? null, changedAt: tx.clock.now() },
        ]);
        await recordAudit(tx, {
          action: 'linkage.unlink',
          entityType: 'household',
          entityId: householdId,
          unitCode: h.unitCode,
          before: { representativeUserId: h.representativeUserId },
        });
        await emitLinkageChange(tx, { householdIds: [householdId] });
      }
      return getLinkage(tx, householdId);
    }
    const pair = { householdId, representativeUserId: input.representativeUserId };
    const houses = await validatePairs(tx, [pair], (_, k) => (k === 'householdId' ? 'householdId' : 'representativeUserId'));
    const h = houses.get(householdId);
    const changed = await writeLinks(tx, [{ ...pair, from: h?.representativeUserId ?? null }], 'manual');
    if (changed.length)
      await recordAudit(tx, {
        action: 'linkage.reassign',
        entityType: 'household',
        entityId: householdId,
        unitCode: h?.unitCode,
        before: { representativeUserId: h?.representativeUserId ?? null },
        after: { representativeUserId: input.representativeUserId },
      });
    return getLinkage(tx, householdId);
  });
}

/** A representative leaves: every household of theirs goes to one successor, in one step. */
export async function handover(ctx: Ctx, input: { fromUserId: number; toUserId: number }) {
  requirePermission(ctx, 'linkage:write');
  if (input.fromUserId === input.toUserId) throw new AppError('LINKAGE_HANDOVER_SAME', {}, { field: 'toUserId' });
  return inTransaction(ctx, async (tx) => {
    const [from] = await findUsersBrief(tx, [input.fromUserId]);
    if (!from?.unitCode || !isWithin(from.unitCode, requireActor(tx).unitCode))
      throw new AppError(
        'LINKAGE_REP_INVALID',
        { field: 'fromUserId', reason: '用户不存在或不在管辖范围内', reasonEn: 'no such user in your unit' },
        { field: 'fromUserId' },
      );
    const houses = await repo.householdIdsOfRep(tx.db, input.fromUserId);
    const pairs = houses.map((h) => ({ householdId: h.id, representativeUserId: input.toUserId }));
    await validatePairs(tx, pairs, (_, k) => (k === 'householdId' ? 'fromUserId' : 'toUserId'));
    const changed = await writeLinks(
      tx,
      pairs.map((p) => ({ ...p, from: input.fromUserId })),
      'handover',
    );
    await recordAudit(tx, {
      action: 'linkage.handover',
      entityType: 'user',
      entityId: input.fromUserId,
      unitCode: from.unitCode,
      before: { representativeUserId: input.fromUserId },
      after: { representativeUserId: input.toUserId, householdIds: changed.map((p) => p.householdId) },
    });
    return { moved: changed.length };
  });
}

type TierCounts = { households: number; linked: number; unlinked: number };

/** Per child unit (a village's zones, a township's villages …): households, linked, unlinked, by tier. */
export async function coverage(ctx: Ctx, unitCode: string) {
  requirePermission(ctx, 'household:read');
  requireUnit(ctx, unitCode);
  const level = levelOfCode(unitCode);
  const childLen = level === 'group' ? CODE_LENGTH.group : (Object.values(CODE_LENGTH).find((n) => n > unitCode.length) ?? unitCode.length);
  const rows = await repo.coverage(ctx.db, unitCode, childLen);
  const blank = (): TierCounts => ({ households: 0, linked: 0, unlinked: 0 });
  const byChild = new Map<string, { total: TierCounts; byTier: Record<Tier, TierCounts> }>();
  for (const r of rows) {
    let c = byChild.get(r.childCode);
    if (!c) {
      c = { total: blank(), byTier: { red: blank(), yellow: blank(), blue: blank() } };
      byChild.set(r.childCode, c);
    }
    for (const t of [c.total, c.byTier[r.tier]]) {
      t.households += r.households;
      t.linked += r.linked;
      t.unlinked += r.households - r.linked;
    }
  }
  const names = new Map((await repo.unitNames(ctx.db, [...byChild.keys()])).map((u) => [u.code, u]));
  const total = blank();
  const items = [...byChild.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, c]) => {
      total.households += c.total.households;
      total.linked += c.total.linked;
      total.unlinked += c.total.unlinked;
      // A household filed directly under a village (not yet grouped) shows as that village itself.
      return { unitCode: code, name: names.get(code)?.name ?? code, level: names.get(code)?.level ?? levelOfCode(code), ...c.total, byTier: c.byTier };
    });
  return { unitCode, total, items };
}

export async function listUnlinked(ctx: Ctx, q: { unitCode: string; limit: number; offset: number }) {
  requirePermission(ctx, 'household:read');
  requireUnit(ctx, q.unitCode);
  const [items, total] = await repo.unlinked(ctx.db, q.unitCode, q.limit, q.offset);
  return { total, items };
}

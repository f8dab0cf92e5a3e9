import { createHash } from 'node:crypto';
import {
  type Cadence,
  CODE_LENGTH,
  compareUrgency,
  daysOverdue,
  effectiveCadence,
  endOfChinaDay,
  isOverdue,
  lastCountedVisit,
  levelOfCode,
  nextDue,
  PHOTO_MAX_BYTES,
  sniffImage,
  type Tier,
  type VisitKind,
} from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission, requireScope } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import * as linkageLookup from '../linkage/lookup';
import * as orgLookup from '../org/lookup';
import { canImportVisit, canLogVisit, canReadVisits } from './policy';
import * as repo from './repository';
import * as rollup from './rollup-repository';

export const MAX_PHOTOS_PER_VISIT = 3;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function cadenceOf(
  c: {
    redDays: number | null;
    yellowDays: number | null;
    blueDays: number | null;
    redHomeOnly: boolean | null;
    escalateDays: number | null;
  } | null,
): Cadence | null {
  if (!c || c.redDays === null || c.yellowDays === null || c.blueDays === null || c.redHomeOnly === null || c.escalateDays === null) return null;
  return c as Cadence;
}

/** Today's due and overdue visits of the logged-in representative, most urgent first. */
export async function myVisits(ctx: Ctx) {
  const actor = requirePermission(ctx, 'visit:write');
  const now = ctx.clock.now();
  const rows = await repo.householdsOfRep(ctx.db, actor.userId);
  const items = rows.map((r) => {
    const { cadence } = effectiveCadence(cadenceOf(r.village), cadenceOf(r.township));
    const input = { tier: r.tier, lastVisitAt: r.lastVisitAt, lastHomeVisitAt: r.lastHomeVisitAt, since: r.linkedAt };
    const dueAt = nextDue(cadence, input);
    return {
      householdId: r.householdId,
      unitCode: r.unitCode,
      address: r.address,
      headName: r.headName,
      tier: r.tier,
      homeVisitRequired: r.tier === 'red' && cadence.redHomeOnly,
      lastVisitAt: iso(r.lastVisitAt),
      lastVisitKind: r.lastKind,
      lastCountedVisitAt: iso(lastCountedVisit(cadence, input)),
      dueAt,
      overdue: isOverdue(dueAt, now),
      daysOverdue: daysOverdue(dueAt, now),
    };
  });
  const endOfDay = endOfChinaDay(now);
  const due = items.filter((i) => i.dueAt.getTime() < endOfDay.getTime()).sort(compareUrgency(now));
  return {
    linked: items.length,
    overdue: items.filter((i) => i.overdue).length,
    items: due.map((i) => ({ ...i, dueAt: i.dueAt.toISOString() })),
  };
}

export interface VisitInput {
  householdId: number;
  kind: VisitKind;
  visitedAt: Date;
  findings?: string | null;
  needs?: string | null;
  risks?: string | null;
  clientKey: string;
}

function presentVisit(v: repo.VisitRow, extra: { representativeName?: string | null; photos?: { id: number; mimeType: string; size: number }[] } = {}) {
  return {
    id: v.id,
    householdId: v.householdId,
    representativeUserId: v.representativeUserId,
    representativeName: extra.representativeName ?? null,
    kind: v.kind,
    visitedAt: v.visitedAt.toISOString(),
    findings: v.findings,
    needs: v.needs,
    risks: v.risks,
    clientKey: v.clientKey,
    createdAt: v.createdAt.toISOString(),
    photos: (extra.photos ?? []).map((p) => ({ id: p.id, mimeType: p.mimeType, size: p.size, url: `/api/visits/${v.id}/photos/${p.id}` })),
  };
}

/** The same key from the same representative for the same household is the same visit. */
function sameSubmission(existing: repo.VisitRow, actorId: number, input: VisitInput) {
  if (existing.representativeUserId !== actorId || existing.householdId !== input.householdId)
    throw new AppError('VISIT_CLIENT_KEY_REUSED', {}, { field: 'clientKey' });
}

/**
 * Logs a visit. Idempotent by clientKey: the unique index decides, so a retried or doubled
 * submission (even two at the same instant) returns the first visit with created=false.
 */
export async function logVisit(ctx: Ctx, input: VisitInput): Promise<{ created: boolean; visit: ReturnType<typeof presentVisit> }> {
  const actor = requirePermission(ctx, 'visit:write');
  const earlier = await repo.findVisitByKey(ctx.db, input.clientKey);
  if (earlier) {
    sameSubmission(earlier, actor.userId, input);
    return { created: false, visit: presentVisit(earlier, { photos: await repo.photoIdsOf(ctx.db, [earlier.id]) }) };
  }
  const link = await linkageLookup.linkOf(ctx, input.householdId);
  if (!link || !canLogVisit(actor, link)) throw new AppError('VISIT_NOT_LINKED', {}, { field: 'householdId' });
  // A minute of slack for phones whose clocks run a little fast.
  if (input.visitedAt.getTime() > ctx.clock.now().getTime() + 60_000) throw new AppError('VISIT_IN_FUTURE', {}, { field: 'visitedAt' });
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertVisit(tx.db, {
      householdId: input.householdId,
      representativeUserId: actor.userId,
      kind: input.kind,
      visitedAt: input.visitedAt,
      findings: input.findings ?? null,
      needs: input.needs ?? null,
      risks: input.risks ?? null,
      clientKey: input.clientKey,
      createdAt: tx.clock.now(),
    });
    if (!row) {
      const existing = await repo.findVisitByKey(tx.db, input.clientKey);
      if (!existing) throw new AppError('CONFLICT');
      sameSubmission(existing, actor.userId, input);
      return { created: false, visit: presentVisit(existing) };
    }
    await repo.bumpVisitState(tx.db, row);
    await rollup.refreshHouseholds(tx.db, [row.householdId]);
    await recordAudit(tx, {
      action: 'visit.create',
      entityType: 'visit',
      entityId: row.id,
      unitCode: link.unitCode,
      after: { ...row, findings: undefined, needs: undefined, risks: undefined },
    });
    return { created: true, visit: presentVisit(row, { representativeName: actor.displayName }) };
  });
}

/**
 * A visit history written in bulk (the demo's district seed, a migration from another system): each
 * visit must be by the household's linked representative and not in the future; rows whose client
 * key exists are skipped. Updates visit_state and visit_due of the households in the same
 * transaction and writes one audit row for the batch (not one per visit). Answers how many were new.
 */
export async function importVisitHistory(
  ctx: Ctx,
  unitCode: string,
  rows: readonly (Omit<VisitInput, 'clientKey'> & { clientKey: string; representativeUserId: number })[],
) {
  requirePermission(ctx, 'visit:write');
  requireScope(ctx, unitCode);
  const now = ctx.clock.now();
  const ids = [...new Set(rows.map((r) => r.householdId))];
  const links = new Map((await linkageLookup.householdsWithLinks(ctx, ids)).map((l) => [l.id, l]));
  for (const r of rows) {
    const link = links.get(r.householdId);
    if (!link || !canImportVisit(unitCode, link, r.representativeUserId)) throw new AppError('VISIT_NOT_LINKED', {}, { field: 'householdId' });
    if (r.visitedAt.getTime() > now.getTime() + 60_000) throw new AppError('VISIT_IN_FUTURE', {}, { field: 'visitedAt' });
  }
  return inTransaction(ctx, async (tx) => {
    const inserted = await repo.insertVisitsBulk(
      tx.db,
      rows.map((r) => ({
        householdId: r.householdId,
        representativeUserId: r.representativeUserId,
        kind: r.kind,
        visitedAt: r.visitedAt,
        findings: r.findings ?? null,
        needs: r.needs ?? null,
        risks: r.risks ?? null,
        clientKey: r.clientKey,
        createdAt: r.visitedAt,
      })),
    );
    await repo.rebuildVisitState(tx.db, ids);
    await rollup.refreshHouseholds(tx.db, ids);
    await recordAudit(tx, { action: 'visit.import', entityType: 'unit', entityId: unitCode, unitCode, after: { visits: inserted, households: ids.length } });
    return { inserted };
  });
}

/** Who may read a household's visits: anyone whose unit covers it, and its own representative. */
async function requireHouseholdReadable(ctx: Ctx, householdId: number) {
  const actor = requirePermission(ctx, 'visit:read');
  const link = await linkageLookup.linkOf(ctx, householdId);
  if (!link || !canReadVisits(actor, link)) throw new AppError('HOUSEHOLD_NOT_FOUND', { id: householdId }, { field: 'householdId' });
  return link;
}

export async function listVisits(ctx: Ctx, q: { householdId: number; before?: number; limit: number }) {
  await requireHouseholdReadable(ctx, q.householdId);
  const rows = await repo.visitsOf(ctx.db, q.householdId, q.limit, q.before);
  const page = rows.slice(0, q.limit);
  const photos = await repo.photoIdsOf(
    ctx.db,
    page.map((r) => r.visit.id),
  );
  return {
    items: page.map((r) => presentVisit(r.visit, { representativeName: r.representativeName, photos: photos.filter((p) => p.visitId === r.visit.id) })),
    nextBefore: rows.length > q.limit ? (page.at(-1)?.visit.id ?? null) : null,
  };
}

export async function addPhoto(ctx: Ctx, visitId: number, input: { contentType: string; bytes: Buffer }) {
  const actor = requirePermission(ctx, 'visit:write');
  const found = await repo.findVisit(ctx.db, visitId);
  if (!found || found.visit.representativeUserId !== actor.userId) throw new AppError('VISIT_NOT_FOUND', { id: visitId }, { field: 'id' });
  if (input.bytes.length > PHOTO_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const sniffed = sniffImage(input.bytes);
  if (!sniffed || sniffed !== input.contentType) throw new AppError('VISIT_PHOTO_TYPE', {}, { field: 'photo' });
  return inTransaction(ctx, async (tx) => {
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const existing = await repo.photoIdsOf(tx.db, [visitId]);
    const again = existing.length >= MAX_PHOTOS_PER_VISIT;
    const { photo, created } = again
      ? { photo: null, created: false }
      : await repo.insertPhoto(tx.db, { visitId, mimeType: sniffed, size: input.bytes.length, sha256, data: input.bytes, createdAt: tx.clock.now() });
    if (!photo) throw new AppError('VISIT_PHOTO_LIMIT', { max: MAX_PHOTOS_PER_VISIT }, { field: 'photo' });
    if (created)
      await recordAudit(tx, {
        action: 'visit.photo',
        entityType: 'visit',
        entityId: visitId,
        unitCode: found.unitCode,
        after: { photoId: photo.id, size: photo.size, mimeType: photo.mimeType },
      });
    return { created, photo: { id: photo.id, mimeType: photo.mimeType, size: photo.size, url: `/api/visits/${visitId}/photos/${photo.id}` } };
  });
}

export async function getPhoto(ctx: Ctx, visitId: number, photoId: number) {
  const found = await repo.findVisit(ctx.db, visitId);
  if (!found) throw new AppError('VISIT_NOT_FOUND', { id: visitId }, { field: 'id' });
  await requireHouseholdReadable(ctx, found.visit.householdId);
  const photo = await repo.findPhoto(ctx.db, visitId, photoId);
  if (!photo) throw new AppError('NOT_FOUND', { what: `photo ${photoId}` });
  return photo;
}

function requireUnit(ctx: Ctx, unitCode: string) {
  if (!levelOfCode(unitCode)) throw new AppError('UNIT_CODE_INVALID', { code: unitCode }, { field: 'unitCode' });
  requireScope(ctx, unitCode);
}

export async function listOverdue(ctx: Ctx, q: { unitCode: string; limit: number; offset: number }) {
  requirePermission(ctx, 'visit:read');
  requireUnit(ctx, q.unitCode);
  const now = ctx.clock.now();
  const [rows, total] = await repo.overdue(ctx.db, q.unitCode, now, q.limit, q.offset);
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      lastVisitAt: iso(r.lastVisitAt),
      lastCountedVisitAt: iso(r.lastCountedVisitAt),
      dueAt: r.dueAt.toISOString(),
      daysOverdue: daysOverdue(r.dueAt, now),
    })),
  };
}

type Figures = { households: number; linked: number; visited: number; overdue: number; completionRate: number | null };

/** Per child unit and tier: how many linked households were visited within their cadence, and how many are overdue. */
export async function summary(ctx: Ctx, unitCode: string) {
  requirePermission(ctx, 'visit:read');
  requireUnit(ctx, unitCode);
  const childLen = Object.values(CODE_LENGTH).find((n) => n > unitCode.length) ?? unitCode.length;
  const rows = await rollup.summary(ctx.db, unitCode, childLen, ctx.clock.now());
  const blank = (): Figures => ({ households: 0, linked: 0, visited: 0, overdue: 0, completionRate: null });
  const add = (f: Figures, r: { households: number; linked: number; visited: number; overdue: number }) => {
    f.households += r.households;
    f.linked += r.linked;
    f.visited += r.visited;
    f.overdue += r.overdue;
  };
  const rate = (f: Figures) => ({ ...f, completionRate: f.linked ? Math.round((f.visited / f.linked) * 1000) / 1000 : null });
  const byChild = new Map<string, { total: Figures; byTier: Record<Tier, Figures> }>();
  const total = blank();
  for (const r of rows) {
    let c = byChild.get(r.childCode);
    if (!c) {
      c = { total: blank(), byTier: { red: blank(), yellow: blank(), blue: blank() } };
      byChild.set(r.childCode, c);
    }
    add(c.total, r);
    add(c.byTier[r.tier], r);
    add(total, r);
  }
  // Every child unit is listed, a township or village with no register yet too (all zeros):
  // the dashboard must show where nothing is recorded, not hide it.
  if (childLen > unitCode.length)
    for (const code of await orgLookup.childCodes(ctx, unitCode))
      if (!byChild.has(code)) byChild.set(code, { total: blank(), byTier: { red: blank(), yellow: blank(), blue: blank() } });
  const names = new Map((await repo.unitNames(ctx.db, [...byChild.keys()])).map((u) => [u.code, u]));
  return {
    unitCode,
    total: rate(total),
    items: [...byChild.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, c]) => ({
        unitCode: code,
        name: names.get(code)?.name ?? code,
        ...rate(c.total),
        byTier: { red: rate(c.byTier.red), yellow: rate(c.byTier.yellow), blue: rate(c.byTier.blue) },
      })),
  };
}

// ---- cadence settings (per township or village)

function requireCadenceUnit(ctx: Ctx, unitCode: string) {
  const level = levelOfCode(unitCode);
  if (level !== 'township' && level !== 'village') throw new AppError('CADENCE_UNIT_LEVEL', {}, { field: 'unitCode' });
  requireScope(ctx, unitCode);
  return level;
}

export async function getCadence(ctx: Ctx, unitCode: string) {
  requirePermission(ctx, 'visit:read');
  const level = requireCadenceUnit(ctx, unitCode);
  const township = unitCode.slice(0, CODE_LENGTH.township);
  const rows = await repo.findCadences(ctx.db, [...new Set([unitCode, township])]);
  const find = (code: string) => rows.find((r) => r.unitCode === code) ?? null;
  const pickOut = (r: repo.CadenceRow | null): Cadence | null =>
    r ? { redDays: r.redDays, yellowDays: r.yellowDays, blueDays: r.blueDays, redHomeOnly: r.redHomeOnly, escalateDays: r.escalateDays } : null;
  const own = pickOut(find(unitCode));
  const eff = level === 'village' ? effectiveCadence(own, pickOut(find(township))) : effectiveCadence(null, own);
  return { unitCode, own, effective: eff.cadence, source: eff.source };
}

export async function putCadence(ctx: Ctx, unitCode: string, input: Cadence) {
  requirePermission(ctx, 'linkage:write');
  requireCadenceUnit(ctx, unitCode);
  return inTransaction(ctx, async (tx) => {
    const [before] = await repo.findCadences(tx.db, [unitCode]);
    const [after] = await repo.upsertCadence(tx.db, { unitCode, ...input, updatedAt: tx.clock.now(), updatedBy: tx.actor?.userId ?? null });
    await rollup.refreshUnder(tx.db, unitCode);
    await recordAudit(tx, { action: 'visit.cadence', entityType: 'unit', entityId: unitCode, unitCode, before: before ?? null, after });
    return getCadence(tx, unitCode);
  });
}

export async function deleteCadence(ctx: Ctx, unitCode: string) {
  requirePermission(ctx, 'linkage:write');
  requireCadenceUnit(ctx, unitCode);
  return inTransaction(ctx, async (tx) => {
    const [before] = await repo.deleteCadence(tx.db, unitCode);
    if (before) await rollup.refreshUnder(tx.db, unitCode);
    if (before) await recordAudit(tx, { action: 'visit.cadence.reset', entityType: 'unit', entityId: unitCode, unitCode, before });
    return getCadence(tx, unitCode);
  });
}

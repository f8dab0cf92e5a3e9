import { DEFAULT_CADENCE, DUE_RULE, TIER_VALUES, type Tier } from '@jiceng/shared';
import { and, asc, count, desc, eq, inArray, like, lt, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { escapeLike } from '../../db/like';
// Read-only joins on the register and the links: due dates depend on tier and linkage date, and
// computing them in one query is what keeps overdue lists and summaries fast at district scale.
import { households } from '../households/tables';
import { linkages } from '../linkage/tables';
import { users } from '../accounts/tables';
import { units } from '../org/tables';
import { cadenceSettings, visitDue, visitPhotos, visitState, visits } from './tables';

export type VisitRow = typeof visits.$inferSelect;
export type CadenceRow = typeof cadenceSettings.$inferSelect;

/** Inserts unless the client key exists; null means "already there" (the caller reads it back). */
export async function insertVisit(db: Executor, row: typeof visits.$inferInsert): Promise<VisitRow | null> {
  const [created] = await db.insert(visits).values(row).onConflictDoNothing({ target: visits.clientKey }).returning();
  return created ?? null;
}

/**
 * Bulk history (the demo's district seed): inserts visits, skipping client keys already there, in
 * statements of 1,000 rows. Callers rebuild the households' visit_state and visit_due afterwards.
 */
export async function insertVisitsBulk(db: Executor, rows: readonly (typeof visits.$inferInsert)[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const done = await db
      .insert(visits)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing({ target: visits.clientKey })
      .returning({ id: visits.id });
    inserted += done.length;
  }
  return inserted;
}

/** visit_state of these households recomputed from their visits (after a bulk insert). */
export async function rebuildVisitState(db: Executor, householdIds: readonly number[]): Promise<void> {
  if (householdIds.length === 0) return;
  const ids = `{${householdIds.map((id) => Math.trunc(id)).join(',')}}`;
  await db.execute(sql`
    insert into ${visitState} (household_id, last_visit_at, last_kind, last_home_visit_at, visit_count)
    select household_id, max(visited_at), (array_agg(kind order by visited_at desc))[1], max(visited_at) filter (where kind = 'home'), count(*)::int
    from ${visits} where household_id = any(${ids}::bigint[]) group by household_id
    on conflict (household_id) do update set last_visit_at = excluded.last_visit_at, last_kind = excluded.last_kind,
      last_home_visit_at = excluded.last_home_visit_at, visit_count = excluded.visit_count`);
}

export function findVisitByKey(db: Executor, clientKey: string) {
  return db
    .select()
    .from(visits)
    .where(eq(visits.clientKey, clientKey))
    .then((r) => r[0] ?? null);
}

export function findVisit(db: Executor, id: number) {
  return db
    .select({ visit: visits, unitCode: households.unitCode })
    .from(visits)
    .innerJoin(households, eq(households.id, visits.householdId))
    .where(eq(visits.id, id))
    .then((r) => r[0] ?? null);
}

/** Keeps the household's latest visit (and latest home visit), whatever order visits arrive in. */
export function bumpVisitState(db: Executor, v: { householdId: number; visitedAt: Date; kind: VisitRow['kind'] }) {
  const home = v.kind === 'home' ? v.visitedAt : null;
  return db
    .insert(visitState)
    .values({ householdId: v.householdId, lastVisitAt: v.visitedAt, lastKind: v.kind, lastHomeVisitAt: home, visitCount: 1 })
    .onConflictDoUpdate({
      target: visitState.householdId,
      set: {
        lastKind: sql`case when excluded.last_visit_at >= ${visitState.lastVisitAt} then excluded.last_kind else ${visitState.lastKind} end`,
        lastVisitAt: sql`greatest(${visitState.lastVisitAt}, excluded.last_visit_at)`,
        lastHomeVisitAt: sql`greatest(${visitState.lastHomeVisitAt}, excluded.last_home_visit_at)`,
        visitCount: sql`${visitState.visitCount} + 1`,
      },
    });
}

export function visitsOf(db: Executor, householdId: number, limit: number, before?: number) {
  const where: SQL[] = [eq(visits.householdId, householdId)];
  if (before) where.push(lt(visits.id, before));
  return db
    .select({ visit: visits, representativeName: users.displayName })
    .from(visits)
    .leftJoin(users, eq(users.id, visits.representativeUserId))
    .where(and(...where))
    .orderBy(desc(visits.visitedAt), desc(visits.id))
    .limit(limit + 1);
}

export function photoIdsOf(db: Executor, visitIds: number[]) {
  if (visitIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: visitPhotos.id, visitId: visitPhotos.visitId, mimeType: visitPhotos.mimeType, size: visitPhotos.size })
    .from(visitPhotos)
    .where(inArray(visitPhotos.visitId, visitIds))
    .orderBy(asc(visitPhotos.id));
}

export async function insertPhoto(db: Executor, row: typeof visitPhotos.$inferInsert) {
  const [created] = await db
    .insert(visitPhotos)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: visitPhotos.id, visitId: visitPhotos.visitId, mimeType: visitPhotos.mimeType, size: visitPhotos.size });
  if (created) return { photo: created, created: true };
  const [existing] = await db
    .select({ id: visitPhotos.id, visitId: visitPhotos.visitId, mimeType: visitPhotos.mimeType, size: visitPhotos.size })
    .from(visitPhotos)
    .where(and(eq(visitPhotos.visitId, row.visitId), eq(visitPhotos.sha256, row.sha256)));
  return { photo: existing, created: false };
}

export function findPhoto(db: Executor, visitId: number, photoId: number) {
  return db
    .select()
    .from(visitPhotos)
    .where(and(eq(visitPhotos.id, photoId), eq(visitPhotos.visitId, visitId)))
    .then((r) => r[0] ?? null);
}

export function findCadences(db: Executor, codes: string[]) {
  return db.select().from(cadenceSettings).where(inArray(cadenceSettings.unitCode, codes));
}

export function upsertCadence(db: Executor, row: typeof cadenceSettings.$inferInsert) {
  const { unitCode: _u, ...set } = row;
  return db.insert(cadenceSettings).values(row).onConflictDoUpdate({ target: cadenceSettings.unitCode, set }).returning();
}

export function deleteCadence(db: Executor, unitCode: string) {
  return db.delete(cadenceSettings).where(eq(cadenceSettings.unitCode, unitCode)).returning();
}

// ---- due dates in SQL, generated from the rule in @jiceng/shared visits.ts (DUE_RULE,
// DEFAULT_CADENCE), for lists over many households. due-rule.api.test.ts runs this expression
// and nextDue() on generated cases on both databases and expects the same dates.
export const cv = alias(cadenceSettings, 'cv');
export const ct = alias(cadenceSettings, 'ct');

type CadenceField = keyof typeof DEFAULT_CADENCE;
/** The columns the rule reads: the tier, the last visit, the last home visit, the clock's start, the cadence. */
export interface DueSources {
  tier: SQL | SQLWrapper;
  lastVisitAt: SQL | SQLWrapper;
  lastHomeVisitAt: SQL | SQLWrapper;
  since: SQL | SQLWrapper;
  /** One field of the effective cadence (the village's row, else the township's, else the default). */
  cadence: (field: CadenceField) => SQL;
}

const tierLit = (tier: Tier) => sql.raw(`'${tier}'`);

/** The rule as SQL: the last counting visit (or null), and the due date (from it, else `since`). */
export function dueRuleSql(s: DueSources) {
  const homeOnlyTiers = TIER_VALUES.flatMap((t) => {
    const flag = DUE_RULE[t].homeOnly;
    return flag ? [sql`(${s.tier} = ${tierLit(t)} and ${s.cadence(flag)})`] : [];
  });
  const counted = homeOnlyTiers.length
    ? sql`(case when ${sql.join(homeOnlyTiers, sql` or `)} then ${s.lastHomeVisitAt} else ${s.lastVisitAt} end)`
    : sql`${s.lastVisitAt}`;
  const days = sql`(case ${s.tier} ${sql.join(
    TIER_VALUES.map((t) => sql`when ${tierLit(t)} then ${s.cadence(DUE_RULE[t].days)}`),
    sql` `,
  )} end)`;
  // Whole days of 24 hours, as nextDue() adds them: '1 day' would follow the session's time zone
  // across a daylight-saving change.
  const due = sql`(coalesce(${counted}, ${s.since}) + ${days} * interval '24 hours')`;
  return { counted, due };
}

/** The effective cadence's field: the village's setting, else the township's, else the default. */
export const cadenceFrom = (village: (f: CadenceField) => SQL | SQLWrapper, township: (f: CadenceField) => SQL | SQLWrapper) => (col: CadenceField) =>
  sql`coalesce(${village(col)}, ${township(col)}, ${DEFAULT_CADENCE[col]})`;
const pick = cadenceFrom(
  (f) => cv[f],
  (f) => ct[f],
);
const rule = dueRuleSql({
  tier: households.tier,
  lastVisitAt: visitState.lastVisitAt,
  lastHomeVisitAt: visitState.lastHomeVisitAt,
  since: linkages.linkedAt,
  cadence: pick,
});
export const counted = rule.counted;
/** Null for an unlinked household (it has nobody to be overdue). */
export const dueAt = sql<Date>`${rule.due}`.mapWith(linkages.linkedAt);
export const countedAt = sql<Date | null>`${counted}`.mapWith(linkages.linkedAt);
export const escalateDays = sql<number>`${pick('escalateDays')}::int`.mapWith(Number);

/** households ⟕ linkages ⟕ visit_state ⟕ village and township cadence: what dueAt needs. */
export const joinDue = {
  linkages: eq(linkages.householdId, households.id),
  visitState: eq(visitState.householdId, households.id),
  village: eq(cv.unitCode, sql`left(${households.unitCode}, 12)`),
  township: eq(ct.unitCode, sql`left(${households.unitCode}, 9)`),
};

/** A representative's households with what the due date needs (computed by the shared rules). */
export function householdsOfRep(db: Executor, repId: number) {
  return db
    .select({
      householdId: households.id,
      unitCode: households.unitCode,
      address: households.address,
      headName: households.headName,
      tier: households.tier,
      linkedAt: linkages.linkedAt,
      lastVisitAt: visitState.lastVisitAt,
      lastKind: visitState.lastKind,
      lastHomeVisitAt: visitState.lastHomeVisitAt,
      village: { redDays: cv.redDays, yellowDays: cv.yellowDays, blueDays: cv.blueDays, redHomeOnly: cv.redHomeOnly, escalateDays: cv.escalateDays },
      township: { redDays: ct.redDays, yellowDays: ct.yellowDays, blueDays: ct.blueDays, redHomeOnly: ct.redHomeOnly, escalateDays: ct.escalateDays },
    })
    .from(linkages)
    .innerJoin(households, eq(households.id, linkages.householdId))
    .leftJoin(visitState, eq(visitState.householdId, households.id))
    .leftJoin(cv, eq(cv.unitCode, sql`left(${households.unitCode}, 12)`))
    .leftJoin(ct, eq(ct.unitCode, sql`left(${households.unitCode}, 9)`))
    .where(eq(linkages.representativeUserId, repId));
}

// The rollup (visit_due, kept in the same transactions as visits, links and tier changes) holds
// each linked household's due date: the list filters and orders on its index, and joins the
// register, the link and the last visit for the page's rows only.
const overdueWhere = (unitCode: string, now: Date) => and(like(visitDue.unitCode, `${unitCode}%`), lt(visitDue.dueAt, now));

/** Overdue households in a unit: reds first, then longest overdue; the total comes with the page (one pass). */
export async function overdue(db: Executor, unitCode: string, now: Date, limit: number, offset: number) {
  const rows = await db
    .select({
      householdId: households.id,
      unitCode: households.unitCode,
      address: households.address,
      headName: households.headName,
      tier: households.tier,
      representativeUserId: linkages.representativeUserId,
      representativeName: sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${linkages.representativeUserId})`,
      lastVisitAt: visitState.lastVisitAt,
      lastCountedVisitAt: countedAt,
      dueAt: sql<Date>`${visitDue.dueAt}`.mapWith(visitDue.dueAt),
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(visitDue)
    .innerJoin(households, eq(households.id, visitDue.householdId))
    .innerJoin(linkages, joinDue.linkages)
    .leftJoin(visitState, joinDue.visitState)
    .leftJoin(cv, joinDue.village)
    .leftJoin(ct, joinDue.township)
    .where(overdueWhere(unitCode, now))
    .orderBy(sql`case ${visitDue.tier} when 'red' then 0 else 1 end`, asc(visitDue.dueAt), asc(visitDue.householdId))
    .limit(limit)
    .offset(offset);
  if (rows.length > 0 || offset === 0) return [rows.map(({ total: _t, ...r }) => r), rows[0]?.total ?? 0] as const;
  // Paged past the end: the window saw no rows, so count separately.
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(visitDue).where(overdueWhere(unitCode, now));
  return [[], c?.n ?? 0] as const;
}

/** Linked red households overdue now, for the alert job (with the escalation delay that applies). */
export function overdueReds(db: Executor, now: Date) {
  return db
    .select({
      householdId: households.id,
      unitCode: households.unitCode,
      headName: households.headName,
      address: households.address,
      dueAt,
      escalateDays,
    })
    .from(households)
    .leftJoin(linkages, joinDue.linkages)
    .leftJoin(visitState, joinDue.visitState)
    .leftJoin(cv, joinDue.village)
    .leftJoin(ct, joinDue.township)
    .where(and(eq(households.tier, 'red'), sql`${linkages.householdId} is not null`, lt(dueAt, now)))
    .orderBy(asc(households.id));
}

export function unitNames(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.select({ code: units.code, name: units.name }).from(units).where(inArray(units.code, codes));
}

/** Visit records of the households under a unit (through visit_due, which follows each household's unit). */
export async function countVisitsUnder(db: Executor, unitCode: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(visitDue)
    .innerJoin(visits, eq(visits.householdId, visitDue.householdId))
    .where(like(visitDue.unitCode, `${escapeLike(unitCode)}%`));
  return row?.n ?? 0;
}

/**
 * The summary's rows computed straight from the register, links, visit state and cadences, as the
 * summary did before visit_due. Not used to answer requests (it reads every household of the unit):
 * the tests and bench/visits.mjs check that the rollup gives exactly the same rows.
 */
export function summaryFromSources(db: Executor, unitCode: string, childLen: number, now: Date) {
  const child = sql<string>`left(${households.unitCode}, ${sql.raw(String(Math.trunc(childLen)))})`;
  return db
    .select({
      childCode: child,
      tier: households.tier,
      households: sql<number>`count(*)::int`,
      linked: sql<number>`count(${linkages.householdId})::int`,
      visited: sql<number>`(count(*) filter (where ${linkages.householdId} is not null and ${counted} is not null and ${dueAt} >= ${now}))::int`,
      overdue: sql<number>`(count(*) filter (where ${linkages.householdId} is not null and ${dueAt} < ${now}))::int`,
    })
    .from(households)
    .leftJoin(linkages, joinDue.linkages)
    .leftJoin(visitState, joinDue.visitState)
    .leftJoin(cv, joinDue.village)
    .leftJoin(ct, joinDue.township)
    .where(like(households.unitCode, `${unitCode}%`))
    .groupBy(child, households.tier);
}

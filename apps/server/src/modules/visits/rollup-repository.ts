import type { Tier } from '@jiceng/shared';
import { and, asc, eq, gte, like, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
// Read-only, like repository.ts: a household's due date is computed from the register, its link,
// its visit state and the cadences, with the same expressions the overdue list uses.
import { households } from '../households/tables';
import { linkages } from '../linkage/tables';
import { counted, ct, cv, dueAt, joinDue } from './repository';
import { visitDue, visitDueDays, visitState } from './tables';

const idList = (ids: readonly number[]) => sql`any(${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::bigint[])`;

/** What visit_due should hold for the households matching `where`, in the table's column order. */
function computed(db: Executor, where: SQL | undefined) {
  return db
    .select({
      householdId: households.id,
      unitCode: households.unitCode,
      tier: households.tier,
      dueAt: sql<Date | null>`(case when ${linkages.householdId} is not null then ${dueAt} end)`.as('c_due_at'),
      counted: sql<boolean>`(${counted} is not null)`.as('c_counted'),
    })
    .from(households)
    .leftJoin(linkages, joinDue.linkages)
    .leftJoin(visitState, joinDue.visitState)
    .leftJoin(cv, joinDue.village)
    .leftJoin(ct, joinDue.township)
    .where(where);
}

/**
 * Recomputes the rows of the households matching `where` (a condition on households) after
 * locking the existing ones (`lock`, the same set on visit_due). Locking first, in a statement of
 * its own, is what keeps two concurrent changes of one household (a visit and a tier change, say)
 * from each writing a row computed without the other: the second waits for the first to commit,
 * and its computing statement then sees it (READ COMMITTED takes a snapshot per statement).
 */
async function refresh(db: Executor, lock: SQL, where: SQL) {
  await db.select({ id: visitDue.householdId }).from(visitDue).where(lock).orderBy(asc(visitDue.householdId)).for('update');
  await db
    .insert(visitDue)
    .select(computed(db, where))
    .onConflictDoUpdate({
      target: visitDue.householdId,
      set: { unitCode: sql`excluded.unit_code`, tier: sql`excluded.tier`, dueAt: sql`excluded.due_at`, counted: sql`excluded.counted` },
      setWhere: sql`(${visitDue.unitCode}, ${visitDue.tier}, ${visitDue.dueAt}, ${visitDue.counted}) is distinct from (excluded.unit_code, excluded.tier, excluded.due_at, excluded.counted)`,
    });
}

/** After a visit, a tier change, a move, a link change: these households' rows. */
export async function refreshHouseholds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return;
  await refresh(db, sql`${visitDue.householdId} = ${idList(ids)}`, sql`${households.id} = ${idList(ids)}`);
}

/** After a cadence change: every household under the township or village. */
export async function refreshUnder(db: Executor, unitCode: string) {
  await refresh(db, like(visitDue.unitCode, `${unitCode}%`), like(households.unitCode, `${unitCode}%`));
}

/** New households (created or imported): nobody linked, no visit yet, so nothing is due. */
export async function insertNew(db: Executor, rows: readonly { id: number; unitCode: string; tier: Tier }[]) {
  if (rows.length === 0) return;
  const arr = (xs: readonly (string | number)[]) => `{${xs.map((x) => `"${String(x).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  await db.execute(sql`
    insert into ${visitDue} (household_id, unit_code, tier, due_at, counted)
    select id, unit_code, tier, null, false
    from unnest(${arr(rows.map((r) => r.id))}::bigint[], ${arr(rows.map((r) => r.unitCode))}::text[], ${arr(rows.map((r) => r.tier))}::text[]) as x(id, unit_code, tier)
    on conflict (household_id) do nothing`);
}

/** Households (ids from..to) whose row is missing or differs from what the sources say now. */
export async function drifted(db: Executor, from: number, to: number): Promise<number[]> {
  const c = computed(db, and(gte(households.id, from), lte(households.id, to))).as('c');
  const rows = await db
    .select({ id: sql<number>`coalesce(${c.householdId}, ${visitDue.householdId})`.mapWith(Number) })
    .from(c)
    .fullJoin(visitDue, eq(visitDue.householdId, c.householdId))
    .where(
      and(
        sql`coalesce(${c.householdId}, ${visitDue.householdId}) between ${from} and ${to}`,
        sql`(${c.unitCode}, ${c.tier}, ${c.dueAt}, ${c.counted}) is distinct from (${visitDue.unitCode}, ${visitDue.tier}, ${visitDue.dueAt}, ${visitDue.counted})`,
      ),
    );
  return rows.map((r) => r.id);
}

/** The id range to walk when recounting. */
export async function idRange(db: Executor) {
  const [r] = await db
    .select({
      min: sql<number | null>`least((select min(${households.id}) from ${households}), (select min(${visitDue.householdId}) from ${visitDue}))`.mapWith(Number),
      max: sql<number | null>`greatest((select max(${households.id}) from ${households}), (select max(${visitDue.householdId}) from ${visitDue}))`.mapWith(
        Number,
      ),
    })
    .from(sql`(select 1) as one`);
  return r?.min ? { min: r.min, max: r.max as number } : null;
}

/**
 * visit_due_days as visit_due says it should be, by delta: the counters the triggers keep are
 * compared with visit_due in one statement (one snapshot) and corrected by the difference, which
 * stays right however many changes commit meanwhile (theirs are deltas too). Returns the number
 * of counters corrected.
 */
export async function recountDays(db: Executor): Promise<number> {
  const res = (await db.execute(sql`
    insert into ${visitDueDays} as d (village_code, tier, counted, due_day, n)
    select v, t, c, dd, sum(s)::int from (
      select left(unit_code, 12) as v, tier as t, counted as c, visit_due_day(due_at) as dd, 1 as s from ${visitDue}
      union all
      select village_code, tier, counted, due_day, -n from ${visitDueDays}
    ) x group by v, t, c, dd having sum(s) <> 0 order by v, t, c, dd
    on conflict (village_code, tier, counted, due_day) do update set n = d.n + excluded.n
    returning 1`)) as unknown as { rows: unknown[] };
  await db.delete(visitDueDays).where(eq(visitDueDays.n, 0));
  return res.rows.length;
}

const DAY_MS = 86_400_000;
type SummaryRow = { childCode: string; tier: Tier; households: number; linked: number; visited: number; overdue: number };

/**
 * Per child unit and tier: households, linked, visited within their cadence (due at or after
 * now), overdue (due before now). Children of a village and below come from visit_due (a village
 * is about a thousand households); a township's villages and a district's townships add up the
 * day counters, except for the households due today, counted exactly from visit_due.
 */
export async function summary(db: Executor, unitCode: string, childLen: number, now: Date): Promise<SummaryRow[]> {
  const n = sql.raw(String(Math.trunc(childLen)));
  const today = Math.floor(now.getTime() / DAY_MS);
  const dayStart = new Date(today * DAY_MS);
  const dayEnd = new Date((today + 1) * DAY_MS);
  const exact = (from: SQL) => sql`
    select left(unit_code, ${n}) as child, tier,
      count(*)::int as households, count(due_at)::int as linked,
      (count(*) filter (where counted and due_at >= ${now}))::int as visited,
      (count(*) filter (where due_at < ${now}))::int as overdue
    from ${visitDue} where ${from} group by 1, 2`;
  const query =
    childLen > 12
      ? exact(sql`unit_code like ${`${unitCode}%`}`)
      : sql`
    select child, tier, sum(households)::int as households, sum(linked)::int as linked, sum(visited)::int as visited, sum(overdue)::int as overdue
    from (
      select left(village_code, ${n}) as child, tier, sum(n) as households,
        coalesce(sum(n) filter (where due_day is not null), 0) as linked,
        coalesce(sum(n) filter (where counted and due_day > ${today}), 0) as visited,
        coalesce(sum(n) filter (where due_day < ${today}), 0) as overdue
      from ${visitDueDays} where village_code like ${`${unitCode}%`} group by 1, 2
      union all
      select child, tier, 0, 0, visited, overdue from (${exact(sql`due_at >= ${dayStart} and due_at < ${dayEnd} and unit_code like ${`${unitCode}%`}`)}) today
    ) x group by child, tier`;
  const res = (await db.execute(query)) as unknown as {
    rows: { child: string; tier: Tier; households: number; linked: number; visited: number; overdue: number }[];
  };
  return res.rows.map((r) => ({
    childCode: r.child,
    tier: r.tier,
    households: Number(r.households),
    linked: Number(r.linked),
    visited: Number(r.visited),
    overdue: Number(r.overdue),
  }));
}

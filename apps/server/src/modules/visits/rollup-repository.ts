import type { Tier } from '@jiceng/shared';
import { and, asc, eq, gte, like, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
// Read-only, like repository.ts: a household's due date is computed from the register, its link,
// its visit state and the cadences, with the same expressions the overdue list uses.
import { households } from '../households/tables';
import { linkages } from '../linkage/tables';
import { counted, ct, cv, dueAt, joinDue } from './repository';
import { visitDue, visitState } from './tables';

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

/** Per child unit and tier: households, linked, visited within their cadence, overdue (now). */
export function summary(db: Executor, unitCode: string, childLen: number, now: Date) {
  const child = sql<string>`left(${visitDue.unitCode}, ${sql.raw(String(Math.trunc(childLen)))})`;
  return db
    .select({
      childCode: child,
      tier: visitDue.tier,
      households: sql<number>`count(*)::int`,
      linked: sql<number>`count(${visitDue.dueAt})::int`,
      visited: sql<number>`(count(*) filter (where ${visitDue.counted} and ${visitDue.dueAt} >= ${now}))::int`,
      overdue: sql<number>`(count(*) filter (where ${visitDue.dueAt} < ${now}))::int`,
    })
    .from(visitDue)
    .where(like(visitDue.unitCode, `${unitCode}%`))
    .groupBy(child, visitDue.tier);
}

import { compactText } from '@jiceng/shared';
import { and, arrayContains, asc, count, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { pgArray, type Scalar } from '../../db/arrays';
import type { Executor } from '../../db/client';
import { users } from '../accounts/tables';
import { escapeLike } from '../../db/like';
import { units } from '../org/tables';
import { households, residents, tierChanges } from './tables';

export type HouseholdRow = typeof households.$inferSelect;
export type ResidentRow = typeof residents.$inferSelect;
export type TierChangeRow = typeof tierChanges.$inferSelect;

export interface ListWhere {
  prefix: string;
  tier?: HouseholdRow['tier'];
  tags?: string[];
  q?: string;
  /**
   * How `q` may match ID numbers and phones: 'full' (the actor may reveal them) matches a whole or
   * trailing part of an ID number and any 4+ digits of a phone; 'tail' matches only the last 4
   * digits of a phone, which the masked list shows anyway, and never an ID number.
   */
  numbers?: 'full' | 'tail';
  extra?: SQL[];
}

/**
 * `q` over the household (head name, address) and every member (name; ID number and phone as
 * `numbers` allows): a union of trigram-index probes on each table, joined by primary key.
 */
function searchCondition(q: string, numbers: 'full' | 'tail'): SQL {
  const pattern = `%${escapeLike(q)}%`;
  const parts: SQL[] = [
    sql`select h.id from ${households} h where h.head_name like ${pattern} or h.address like ${pattern}`,
    sql`select r.household_id from ${residents} r where r.name like ${pattern}`,
  ];
  const digits = compactText(q).replace(/-/g, '').toUpperCase();
  if (/^\d{4,17}[\dX]?$/.test(digits)) {
    const esc = escapeLike(digits);
    if (numbers === 'full') {
      const id = digits.length >= 15 ? sql`r.id_number = ${digits}` : sql`r.id_number like ${`%${esc}`}`;
      parts.push(sql`select r.household_id from ${residents} r where ${id} or r.phone like ${`%${esc}%`}`);
      parts.push(sql`select h.id from ${households} h where h.phone like ${`%${esc}%`}`);
    } else if (digits.length === 4) {
      parts.push(sql`select r.household_id from ${residents} r where r.phone like ${`%${esc}`}`);
      parts.push(sql`select h.id from ${households} h where h.phone like ${`%${esc}`}`);
    }
  }
  return sql`${households.id} in (${sql.join(parts, sql` union `)})`;
}

function listConditions(w: ListWhere): SQL | undefined {
  const where: SQL[] = [];
  if (w.prefix) where.push(like(households.unitCode, `${w.prefix}%`));
  if (w.tier) where.push(eq(households.tier, w.tier));
  if (w.tags?.length) where.push(arrayContains(households.tags, w.tags));
  if (w.q) where.push(searchCondition(w.q, w.numbers ?? 'tail'));
  where.push(...(w.extra ?? []));
  return and(...where);
}

const memberCount = sql<number>`(select count(*)::int from ${residents} r where r.household_id = ${households.id})`;
const headIdNumber = sql<string | null>`(select r.id_number from ${residents} r where r.household_id = ${households.id} and r.relation = '户主' limit 1)`;

export async function listHouseholds(db: Executor, w: ListWhere, offset: number, limit: number) {
  const where = listConditions(w);
  const [rows, total] = await Promise.all([
    db
      .select({ household: households, unitName: units.name, memberCount, headIdNumber })
      .from(households)
      .innerJoin(units, eq(units.code, households.unitCode))
      .where(where)
      .orderBy(asc(households.unitCode), asc(households.id))
      .offset(offset)
      .limit(limit),
    db.select({ n: count() }).from(households).where(where),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

export async function findHousehold(db: Executor, id: number) {
  const [row] = await db
    .select({ household: households, unitName: units.name })
    .from(households)
    .innerJoin(units, eq(units.code, households.unitCode))
    .where(eq(households.id, id));
  return row ?? null;
}

/** Head first, then in the order they were registered. */
export function findResidents(db: Executor, householdId: number) {
  return db.select().from(residents).where(eq(residents.householdId, householdId)).orderBy(sql`${residents.relation} <> '户主'`, asc(residents.id));
}

export function findTierHistory(db: Executor, householdId: number) {
  return db
    .select({ change: tierChanges, changedByName: users.displayName })
    .from(tierChanges)
    .leftJoin(users, eq(users.id, tierChanges.changedBy))
    .where(eq(tierChanges.householdId, householdId))
    .orderBy(desc(tierChanges.changedAt), desc(tierChanges.id));
}

/** The ID numbers among `ids` already registered (optionally ignoring one resident). */
/**
 * Which of these ID numbers are registered: one array parameter per 10,000 numbers (not one bind per
 * number), and one unique-index probe per number. `= any(array)` or a join would let the planner pick
 * a scan of every resident for a few thousand numbers (150 ms at 430k residents, growing with the
 * register); the lateral subquery with OFFSET 0 cannot be flattened, so it stays a probe per number.
 */
export async function takenIdNumbers(db: Executor, ids: string[], exceptResidentId?: number): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const chunk = ids.slice(i, i + 10_000);
    const result = (await db.execute(sql`
      select r.id, r.id_number from unnest(${pgArray(chunk)}::text[]) as q(n)
      cross join lateral (select id, id_number from residents where id_number = q.n offset 0) as r`)) as unknown as {
      rows: { id: number | string; id_number: string }[];
    };
    for (const r of result.rows) if (Number(r.id) !== exceptResidentId) taken.add(r.id_number);
  }
  return taken;
}

/** Heads (relation 户主) with these ID numbers, and their households: probes of the unique index, as above. */
export async function headsByIdNumber(db: Executor, ids: string[]): Promise<Map<string, number>> {
  const heads = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const result = (await db.execute(sql`
      select r.household_id, r.id_number from unnest(${pgArray(ids.slice(i, i + 10_000))}::text[]) as q(n)
      cross join lateral (select household_id, id_number, relation from residents where id_number = q.n offset 0) as r
      where r.relation = '户主'`)) as unknown as { rows: { household_id: number | string; id_number: string }[] };
    for (const r of result.rows) heads.set(r.id_number, Number(r.household_id));
  }
  return heads;
}

/** These households with their members (head first), for an import's updates. */
export async function householdsWithMembers(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const [hh, members] = await Promise.all([
    db.select().from(households).where(inArray(households.id, ids)),
    db
      .select()
      .from(residents)
      .where(inArray(residents.householdId, ids))
      .orderBy(asc(residents.householdId), sql`${residents.relation} <> '户主'`, asc(residents.id)),
  ]);
  const byHousehold = new Map<number, ResidentRow[]>();
  for (const m of members) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
  return hh.map((household) => ({ household, residents: byHousehold.get(household.id) ?? [] }));
}

export async function insertHousehold(db: Executor, row: typeof households.$inferInsert) {
  const [created] = await db.insert(households).values(row).returning();
  return created as HouseholdRow;
}

export async function updateHousehold(db: Executor, id: number, patch: Partial<typeof households.$inferInsert>) {
  const [row] = await db.update(households).set(patch).where(eq(households.id, id)).returning();
  return row as HouseholdRow;
}

export function deleteHousehold(db: Executor, id: number) {
  return db.delete(households).where(eq(households.id, id));
}

export async function insertResidents(db: Executor, rows: (typeof residents.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(residents).values(rows).returning();
}

export async function updateResident(db: Executor, id: number, patch: Partial<typeof residents.$inferInsert>) {
  const [row] = await db.update(residents).set(patch).where(eq(residents.id, id)).returning();
  return row as ResidentRow;
}

export function deleteResident(db: Executor, id: number) {
  return db.delete(residents).where(eq(residents.id, id));
}

export function insertTierChanges(db: Executor, rows: (typeof tierChanges.$inferInsert)[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insert(tierChanges).values(rows);
}

export async function countInUnit(db: Executor, unitCode: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(households)
    .where(like(households.unitCode, `${unitCode}%`));
  return row?.n ?? 0;
}

/** Households per tier, grouped by the first `childLength` characters of their unit code. */
export function tierCountsByChild(db: Executor, unitCode: string, childLength: number) {
  const child = sql<string>`substr(${households.unitCode}, 1, ${sql.raw(String(childLength))})`;
  return db
    .select({ code: child, tier: households.tier, n: count() })
    .from(households)
    .where(like(households.unitCode, `${unitCode}%`))
    .groupBy(child, households.tier);
}

/** One page of a unit's households (keyset by id) with their members, for export. */
export async function exportPage(db: Executor, unitCode: string, afterId: number, limit: number) {
  const hh = await db
    .select({ household: households, unitName: units.name })
    .from(households)
    .innerJoin(units, eq(units.code, households.unitCode))
    .where(and(like(households.unitCode, `${unitCode}%`), sql`${households.id} > ${afterId}`))
    .orderBy(asc(households.id))
    .limit(limit);
  if (hh.length === 0) return { households: hh, residents: [] as ResidentRow[] };
  const members = await db
    .select()
    .from(residents)
    .where(
      inArray(
        residents.householdId,
        hh.map((h) => h.household.id),
      ),
    )
    .orderBy(asc(residents.householdId), sql`${residents.relation} <> '户主'`, asc(residents.id));
  return { households: hh, residents: members };
}

// Bulk inserts for the import ------------------------------------------------------------------
// One INSERT … SELECT FROM unnest(array parameters) per batch: a dozen parameters instead of one per
// cell, which both PostgreSQL and PGlite parse and plan far faster for 1000-row batches.

const col = <T, K extends keyof T>(rows: readonly T[], k: K) => pgArray(rows.map((r) => (r[k] ?? null) as Scalar));

export async function bulkInsertHouseholds(db: Executor, rows: (typeof households.$inferInsert)[], now: Date): Promise<number[]> {
  if (rows.length === 0) return [];
  const tags = pgArray(rows.map((r) => pgArray(r.tags ?? [])));
  const result = (await db.execute(sql`
    insert into households (unit_code, household_no, address, head_name, phone, tier, tier_category, tags, notes, created_at, updated_at)
    select u, n, a, h, p, t, c, g::text[], o, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from unnest(${col(rows, 'unitCode')}::text[], ${col(rows, 'householdNo')}::text[], ${col(rows, 'address')}::text[], ${col(rows, 'headName')}::text[],
      ${col(rows, 'phone')}::text[], ${col(rows, 'tier')}::text[], ${col(rows, 'tierCategory')}::text[], ${tags}::text[], ${col(rows, 'notes')}::text[])
      as x(u, n, a, h, p, t, c, g, o)
    returning id`)) as unknown as { rows: { id: number | string }[] };
  // Identity values are drawn in row order, so ascending ids line up with the rows given.
  return result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** Residents of households just inserted: `householdIds[i]` is the household of `rows[i]`. */
export async function bulkInsertResidents(db: Executor, householdIds: readonly number[], rows: readonly ResidentInsert[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into residents (household_id, name, relation, id_number, phone, gender, birth_date, ethnicity, political_status, party_member, occupation, living_status, created_at, updated_at)
    select *, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from unnest(${pgArray(householdIds)}::bigint[], ${col(rows, 'name')}::text[], ${col(rows, 'relation')}::text[], ${col(rows, 'idNumber')}::text[],
      ${col(rows, 'phone')}::text[], ${col(rows, 'gender')}::text[], ${col(rows, 'birthDate')}::date[], ${col(rows, 'ethnicity')}::text[],
      ${col(rows, 'politicalStatus')}::text[], ${col(rows, 'partyMember')}::boolean[], ${col(rows, 'occupation')}::text[], ${col(rows, 'livingStatus')}::text[])`);
}

type ResidentInsert = Omit<typeof residents.$inferInsert, 'householdId' | 'createdAt' | 'updatedAt'>;

/** Opening tier rows (from nothing to `toTier`) for households just inserted. */
export async function bulkInsertTierChanges(
  db: Executor,
  rows: readonly { householdId: number; toTier: string; category: string | null }[],
  meta: { reason: string; changedBy: number | null; now: Date },
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into tier_changes (household_id, from_tier, to_tier, category, reason, changed_by, changed_at)
    select h, null, t, c, ${meta.reason}, ${meta.changedBy}::int, ${meta.now.toISOString()}::timestamptz
    from unnest(${col(rows, 'householdId')}::bigint[], ${col(rows, 'toTier')}::text[], ${col(rows, 'category')}::text[]) as x(h, t, c)`);
}

/** SQL types for conditions other modules hand the household list (households/filters.ts). */
export type { Column, SQL } from 'drizzle-orm';

/** No household at all, as a list condition. */
export const noHouseholds = (): SQL => sql`false`;

/** Households placed in `unitCode` or below, as a list condition. */
export const householdsUnder = (unitCode: string): SQL => sql`${households.unitCode} like ${`${escapeLike(unitCode)}%`}`;

import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { parentCodeOf, type UnitLevel } from '@jiceng/shared';
import type { Executor } from '../../db/client';
import { escapeLike } from '../../db/like';
import { users } from '../accounts/tables';
import { departments, units } from './tables';

export type UnitRow = typeof units.$inferSelect;

const childCount = sql<number>`(select count(*)::int from ${units} c where c.parent_code = ${units.code})`;
const userCount = sql<number>`(select count(*)::int from ${users} u where u.unit_code = ${units.code})`;

const summaryColumns = {
  code: units.code,
  name: units.name,
  level: units.level,
  parentCode: units.parentCode,
  officialName: units.officialName,
  leaderUserId: units.leaderUserId,
  leaderName: users.displayName,
  leaderPhone: users.phone,
  childCount,
  userCount,
};

export type UnitSummaryRow = Awaited<ReturnType<typeof findChildren>>[number];

export function findUnit(db: Executor, code: string) {
  return db
    .select()
    .from(units)
    .where(eq(units.code, code))
    .then((r) => r[0] ?? null);
}

export async function findUnitSummary(db: Executor, code: string) {
  const rows = await db.select(summaryColumns).from(units).leftJoin(users, eq(users.id, units.leaderUserId)).where(eq(units.code, code));
  return rows[0] ?? null;
}

export function findChildren(db: Executor, code: string) {
  return db.select(summaryColumns).from(units).leftJoin(users, eq(users.id, units.leaderUserId)).where(eq(units.parentCode, code)).orderBy(asc(units.code));
}

export function findUnits(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.select({ code: units.code, name: units.name, level: units.level }).from(units).where(inArray(units.code, codes)).orderBy(asc(units.code));
}

export function findRoots(db: Executor) {
  return db
    .select(summaryColumns)
    .from(units)
    .leftJoin(users, eq(users.id, units.leaderUserId))
    .where(sql`${units.parentCode} is null`)
    .orderBy(asc(units.code));
}

/** Name (substring) or code (prefix) search inside a subtree. */
export function searchUnits(db: Executor, scope: string, q: string, limit: number, levels?: readonly UnitLevel[]) {
  const byCode = /^\d+$/.test(q);
  return db
    .select(summaryColumns)
    .from(units)
    .leftJoin(users, eq(users.id, units.leaderUserId))
    .where(
      and(
        like(units.code, `${scope}%`),
        byCode ? like(units.code, `${q}%`) : or(like(units.name, `%${escapeLike(q)}%`), like(units.officialName, `%${escapeLike(q)}%`)),
        levels ? inArray(units.level, [...levels]) : undefined,
      ),
    )
    .orderBy(sql`length(${units.code})`, asc(units.code))
    .limit(limit);
}

export function childCodes(db: Executor, parentCode: string) {
  return db
    .select({ code: units.code })
    .from(units)
    .where(eq(units.parentCode, parentCode))
    .then((r) => r.map((x) => x.code));
}

export function nameTaken(db: Executor, parentCode: string, name: string, exceptCode?: string) {
  return db
    .select({ code: units.code })
    .from(units)
    .where(and(eq(units.parentCode, parentCode), eq(units.name, name)))
    .then((r) => r.some((x) => x.code !== exceptCode));
}

export async function insertUnit(db: Executor, row: typeof units.$inferInsert) {
  const [created] = await db.insert(units).values(row).returning();
  return created as UnitRow;
}

export async function updateUnit(db: Executor, code: string, patch: Partial<typeof units.$inferInsert>) {
  const [row] = await db.update(units).set(patch).where(eq(units.code, code)).returning();
  return row as UnitRow;
}

export function deleteUnit(db: Executor, code: string) {
  return db.delete(units).where(eq(units.code, code));
}

// Departments -----------------------------------------------------------------------------

const deptColumns = {
  id: departments.id,
  unitCode: departments.unitCode,
  unitName: units.name,
  name: departments.name,
  phone: departments.phone,
  userCount: sql<number>`(select count(*)::int from ${users} u where u.department_id = ${departments.id})`,
};

export function listDepartments(db: Executor, scopePrefix: string, unitCode?: string) {
  return db
    .select(deptColumns)
    .from(departments)
    .innerJoin(units, eq(units.code, departments.unitCode))
    .where(unitCode ? eq(departments.unitCode, unitCode) : like(departments.unitCode, `${scopePrefix}%`))
    .orderBy(asc(departments.unitCode), asc(departments.name));
}

export function findDepartment(db: Executor, id: number) {
  return db
    .select(deptColumns)
    .from(departments)
    .innerJoin(units, eq(units.code, departments.unitCode))
    .where(eq(departments.id, id))
    .then((r) => r[0] ?? null);
}

export function departmentNameTaken(db: Executor, unitCode: string, name: string, exceptId?: number) {
  return db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.unitCode, unitCode), eq(departments.name, name)))
    .then((r) => r.some((x) => x.id !== exceptId));
}

export async function insertDepartment(db: Executor, row: typeof departments.$inferInsert) {
  const [created] = await db.insert(departments).values(row).returning({ id: departments.id });
  return created as { id: number };
}

export function updateDepartment(db: Executor, id: number, patch: Partial<typeof departments.$inferInsert>) {
  return db.update(departments).set(patch).where(eq(departments.id, id));
}

export function deleteDepartment(db: Executor, id: number) {
  return db.delete(departments).where(eq(departments.id, id));
}

/**
 * Upserts a batch: new divisions are added, renamed ones updated, nothing else touched. Answers
 * how many were added and how many renamed (an unchanged row is not rewritten, so not returned).
 */
export async function upsertDivisions(
  db: Executor,
  rows: readonly { code: string; level: UnitLevel; name: string; officialName: string }[],
  now: Date,
): Promise<{ added: number; renamed: number }> {
  if (rows.length === 0) return { added: 0, renamed: 0 };
  const changed = await db
    .insert(units)
    .values(
      rows.map((r) => ({
        code: r.code,
        parentCode: parentCodeOf(r.code),
        level: r.level,
        name: r.name,
        officialName: r.officialName,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: units.code,
      set: { name: sql`excluded.name`, officialName: sql`excluded.official_name`, updatedAt: now },
      setWhere: sql`${units.officialName} is distinct from excluded.official_name`,
    })
    // xmax is 0 on a freshly inserted row version and set on an updated one.
    .returning({ added: sql<boolean>`(xmax = 0)` });
  const added = changed.filter((r) => r.added).length;
  return { added, renamed: changed.length - added };
}

export async function allUnitCodes(db: Executor): Promise<string[]> {
  return (await db.select({ code: units.code }).from(units)).map((r) => r.code);
}

/** Fresh planner statistics for the tree (after a large import; PGlite never analyzes by itself). */
export async function analyzeUnits(db: Executor): Promise<void> {
  await db.execute(sql`analyze ${units}`);
}

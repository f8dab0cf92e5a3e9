import type { Role } from '@jiceng/shared';
import { and, asc, count, eq, inArray, like, lt, ne, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { escapeLike } from '../../db/like';
import { departments, units } from '../org/tables';
import { sessions, users } from './tables';

export type UserRecord = typeof users.$inferSelect;
export type UserInsert = typeof users.$inferInsert;
/** An account with the names of its unit and department. */
export type UserRow = { user: UserRecord; unitName: string | null; departmentName: string | null };

const userColumns = {
  user: users,
  unitName: units.name,
  departmentName: departments.name,
};

function baseQuery(db: Executor) {
  return db.select(userColumns).from(users).leftJoin(units, eq(units.code, users.unitCode)).leftJoin(departments, eq(departments.id, users.departmentId));
}

export async function findUserRow(db: Executor, id: number): Promise<UserRow | undefined> {
  const [row] = await baseQuery(db).where(eq(users.id, id));
  return row;
}

export interface UserListWhere {
  prefix: string;
  role?: Role;
  q?: string;
  offset: number;
  limit: number;
}

/** One page of accounts under `prefix` by unit then username, and how many match in all. */
export async function listUserRows(db: Executor, q: UserListWhere): Promise<{ rows: UserRow[]; total: number }> {
  const where: SQL[] = [];
  if (q.prefix) where.push(like(users.unitCode, `${q.prefix}%`));
  if (q.role) where.push(eq(users.role, q.role));
  if (q.q) where.push(or(like(users.username, `%${escapeLike(q.q)}%`), like(users.displayName, `%${escapeLike(q.q)}%`)) as SQL);
  const [rows, total] = await Promise.all([
    baseQuery(db)
      .where(and(...where))
      .orderBy(asc(users.unitCode), asc(users.username))
      .offset(q.offset)
      .limit(q.limit),
    db
      .select({ n: count() })
      .from(users)
      .where(and(...where)),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

export async function unitExists(db: Executor, code: string): Promise<boolean> {
  const [unit] = await db.select({ code: units.code }).from(units).where(eq(units.code, code));
  return !!unit;
}

export async function findDepartment(db: Executor, id: number) {
  const [dept] = await db.select({ id: departments.id, unitCode: departments.unitCode }).from(departments).where(eq(departments.id, id));
  return dept;
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return rows.length > 0;
}

export async function insertUser(db: Executor, row: UserInsert): Promise<number> {
  const [created] = await db.insert(users).values(row).returning({ id: users.id });
  return (created as { id: number }).id;
}

export async function updateUserRow(db: Executor, id: number, set: Partial<UserInsert>): Promise<void> {
  await db.update(users).set(set).where(eq(users.id, id));
}

export async function findUserRecord(db: Executor, id: number): Promise<UserRecord | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function findUserPost(db: Executor, id: number) {
  const [u] = await db.select({ id: users.id, role: users.role, unitCode: users.unitCode, status: users.status }).from(users).where(eq(users.id, id));
  return u;
}

export async function findUserUnit(db: Executor, id: number): Promise<{ unitCode: string | null } | undefined> {
  const [before] = await db.select({ unitCode: users.unitCode }).from(users).where(eq(users.id, id));
  return before;
}

export async function findActiveUserByName(db: Executor, username: string): Promise<UserRecord | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.username, username), eq(users.status, 'active')));
  return row;
}

/**
 * The active users holding one of the (unit, role) pairs given as two parallel text arrays
 * (parameters or columns of the embedding statement), as a query (`select id …`) another module can embed, e.g. to notify
 * them in the statement that writes the message. One text for any number of pairs, so a statement
 * embedding it can be built once.
 */
export function userIdsAtPairs(unitCodes: SQLWrapper, roles: SQLWrapper): SQL {
  return sql`select u.id from ${users} u
    join unnest(${unitCodes}::text[], ${roles}::text[]) as p(unit_code, role) on u.unit_code = p.unit_code and u.role = p.role
    where u.status = 'active'`;
}

export async function activeUserIdsAt(db: Executor, unitCodes: string[], roles: Role[]): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.unitCode, unitCodes), inArray(users.role, roles), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

export async function activeUserIdsInDepartments(db: Executor, departmentIds: number[]): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.departmentId, departmentIds), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

export function usersBrief(db: Executor, ids: number[]) {
  return db
    .select({ id: users.id, displayName: users.displayName, phone: users.phone, role: users.role, unitCode: users.unitCode, status: users.status })
    .from(users)
    .where(inArray(users.id, ids));
}

// — Sessions (sessions.ts; ids are the tokens' hashes) —

export type SessionInsert = typeof sessions.$inferInsert;

export async function findUserByName(db: Executor, username: string): Promise<UserRecord | undefined> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  return user;
}

export async function countFailedLogin(db: Executor, id: number): Promise<void> {
  await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, id));
}

export async function insertSession(db: Executor, row: SessionInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function findSessionWithUser(db: Executor, id: string) {
  const [row] = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id));
  return row;
}

export async function renewSession(db: Executor, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSessionsExpiredBefore(db: Executor, at: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, at));
}

/** Every session of the account, but the one with id `exceptId` when given. */
export async function deleteSessionsOf(db: Executor, userId: number, exceptId?: string): Promise<void> {
  const mine = eq(sessions.userId, userId);
  await db.delete(sessions).where(exceptId ? and(mine, ne(sessions.id, exceptId)) : mine);
}

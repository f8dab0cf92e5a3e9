import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import { type Actor, type Ctx, inTransaction } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { hashPassword, verifyPassword } from './password';
import { sessions, users } from './tables';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
// Refresh last_seen_at at most this often: a write per request would cost every instance.
const TOUCH_EVERY_MS = 5 * 60_000;

let dummyHash: Promise<string> | undefined;

const tokenId = (token: string) => createHash('sha256').update(token).digest('base64url');
const lockEnd = (now: Date) => new Date(now.getTime() + LOCK_MINUTES * 60_000);
const lockedError = (until: Date, now: Date) => new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil((until.getTime() - now.getTime()) / 60_000) });

export interface LoginResult {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

export async function login(ctx: Ctx, input: { username: string; password: string; userAgent?: string }, sessionHours: number): Promise<LoginResult> {
  const now = ctx.clock.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username));
  if (!user) {
    // Same answer and similar time as a wrong password, so usernames cannot be probed.
    dummyHash ??= hashPassword('not-a-real-password-0');
    await verifyPassword(await dummyHash, input.password);
    throw new AppError('LOGIN_FAILED', {}, { field: 'password' });
  }
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);
  const unlocked = or(isNull(users.lockedUntil), lte(users.lockedUntil, now));
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    // One atomic increment, the lock decided from its result: parallel guesses cannot all read the
    // same count. Once a parallel guess has locked the account the rest only see the lock, and
    // the counter update and its audit row commit together.
    const locked = await inTransaction({ ...ctx, actor: null }, async (tx) => {
      const [counted] = await tx.db
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(and(eq(users.id, user.id), unlocked))
        .returning({ failedLogins: users.failedLogins });
      if (!counted) return true;
      const lock = counted.failedLogins >= MAX_FAILED_LOGINS;
      if (lock)
        await tx.db
          .update(users)
          .set({ failedLogins: 0, lockedUntil: lockEnd(now) })
          .where(eq(users.id, user.id));
      await recordAudit(tx, { action: lock ? 'auth.locked' : 'auth.loginFailed', entityType: 'user', entityId: user.id, unitCode: user.unitCode });
      return lock;
    });
    if (locked) throw new AppError('ACCOUNT_LOCKED', { minutes: LOCK_MINUTES });
    throw new AppError('LOGIN_FAILED', {}, { field: 'password' });
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000);
  const actor = actorOf(user);
  await inTransaction({ ...ctx, actor }, async (tx) => {
    // A right password that arrives after parallel wrong ones locked the account is refused too.
    const [open] = await tx.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(and(eq(users.id, user.id), unlocked))
      .returning({ id: users.id });
    if (!open) throw new AppError('ACCOUNT_LOCKED', { minutes: LOCK_MINUTES });
    await tx.db.insert(sessions).values({
      id: tokenId(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: ctx.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, { action: 'auth.login', entityType: 'user', entityId: user.id, unitCode: user.unitCode });
  });
  return { token, expiresAt, actor };
}

export async function logout(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.id, tokenId(token)));
}

export type SessionLookup =
  | {
      actor: Actor;
      /** The account still has its initial (or reset) password: only changing it is allowed. */
      mustChangePassword: boolean;
      /** Set when this request slid the session's expiry: the cookie must be re-sent with it. */
      renewedUntil?: Date;
    }
  | { expired: true };

/** Resolves a cookie's token to its actor; sliding expiry, refreshed at most every few minutes. */
export async function resolveSession(db: Db, clock: Clock, token: string, sessionHours: number): Promise<SessionLookup> {
  const now = clock.now();
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, tokenId(token)));
  if (!row) return { expired: true };
  if (row.session.expiresAt <= now || row.user.status !== 'active') {
    await db.delete(sessions).where(eq(sessions.id, row.session.id));
    return { expired: true };
  }
  const found = { actor: actorOf(row.user), mustChangePassword: row.user.mustChangePassword };
  if (now.getTime() - row.session.lastSeenAt.getTime() <= TOUCH_EVERY_MS) return found;
  const renewedUntil = new Date(now.getTime() + sessionHours * 3600_000);
  await db.update(sessions).set({ lastSeenAt: now, expiresAt: renewedUntil }).where(eq(sessions.id, row.session.id));
  return { ...found, renewedUntil };
}

export async function purgeExpiredSessions(db: Db, clock: Clock): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, clock.now()));
}

export async function dropSessionsOf(ctx: Ctx, userId: number, exceptToken?: string): Promise<void> {
  const mine = eq(sessions.userId, userId);
  await ctx.db.delete(sessions).where(exceptToken ? and(mine, ne(sessions.id, tokenId(exceptToken))) : mine);
}

export function actorOf(user: typeof users.$inferSelect): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitCode: user.unitCode,
    departmentId: user.departmentId,
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { Actor, Ctx } from '../../platform/context';
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
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failed = user.failedLogins + 1;
    const locked = failed >= MAX_FAILED_LOGINS;
    await ctx.db
      .update(users)
      .set({ failedLogins: locked ? 0 : failed, lockedUntil: locked ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null })
      .where(eq(users.id, user.id));
    const auditCtx = { ...ctx, actor: null };
    await recordAudit(auditCtx, { action: locked ? 'auth.locked' : 'auth.loginFailed', entityType: 'user', entityId: user.id, unitCode: user.unitCode });
    if (locked) throw new AppError('ACCOUNT_LOCKED', { minutes: LOCK_MINUTES });
    throw new AppError('LOGIN_FAILED', {}, { field: 'password' });
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000);
  const actor = actorOf(user);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      id: tokenId(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: ctx.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit({ ...ctx, db: tx, actor }, { action: 'auth.login', entityType: 'user', entityId: user.id, unitCode: user.unitCode });
  });
  return { token, expiresAt, actor };
}

export async function logout(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.id, tokenId(token)));
}

export type SessionLookup = { actor: Actor } | { expired: true } | null;

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
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionHours * 3600_000) })
      .where(eq(sessions.id, row.session.id));
  }
  return { actor: actorOf(row.user) };
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

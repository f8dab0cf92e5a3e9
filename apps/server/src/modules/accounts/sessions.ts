import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import { type Actor, type Ctx, inTransaction } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { hashPassword, verifyPassword } from './password';
import * as repo from './repository';
import { beginAttempt, refund, succeeded } from './throttle';

// Refresh last_seen_at at most this often: a write per request would cost every instance.
const TOUCH_EVERY_MS = 5 * 60_000;

let dummyHash: Promise<string> | undefined;

const tokenId = (token: string) => createHash('sha256').update(token).digest('base64url');

/** How long sessions live: `idleHours` since the last use, never more than `maxHours` since the login. */
export interface SessionLifetime {
  idleHours: number;
  maxHours: number;
}

export const lifetimeOf = (config: { sessionHours: number; sessionMaxHours: number }): SessionLifetime => ({
  idleHours: config.sessionHours,
  maxHours: config.sessionMaxHours,
});

function expiryFrom(now: Date, createdAt: Date, life: SessionLifetime): Date {
  return new Date(Math.min(now.getTime() + life.idleHours * 3600_000, createdAt.getTime() + life.maxHours * 3600_000));
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

/**
 * Checks a password and opens a session. Wrong passwords are throttled per (account, address)
 * and per address (throttle.ts), never by locking the account: the right password from an
 * address that has not been guessing always gets in.
 */
export async function login(ctx: Ctx, input: { username: string; password: string; userAgent?: string }, life: SessionLifetime): Promise<LoginResult> {
  beginAttempt(ctx, input.username);
  try {
    return await checkAndOpen(ctx, input, life);
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) refund(ctx, input.username);
    throw err;
  }
}

async function checkAndOpen(ctx: Ctx, input: { username: string; password: string; userAgent?: string }, life: SessionLifetime): Promise<LoginResult> {
  const now = ctx.clock.now();
  const user = await repo.findUserByName(ctx.db, input.username);
  if (!user) {
    // Same answer and similar time as a wrong password, so usernames cannot be probed.
    dummyHash ??= hashPassword('not-a-real-password-0');
    await verifyPassword(await dummyHash, input.password);
    throw new AppError('LOGIN_FAILED', {}, { field: 'password' });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await inTransaction({ ...ctx, actor: null }, async (tx) => {
      await repo.countFailedLogin(tx.db, user.id);
      await recordAudit(tx, { action: 'auth.loginFailed', entityType: 'user', entityId: user.id, unitCode: user.unitCode });
    });
    throw new AppError('LOGIN_FAILED', {}, { field: 'password' });
  }
  succeeded(ctx, input.username);
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = expiryFrom(now, now, life);
  const actor = actorOf(user);
  await inTransaction({ ...ctx, actor }, async (tx) => {
    await repo.updateUserRow(tx.db, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await repo.insertSession(tx.db, {
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
  await repo.deleteSession(ctx.db, tokenId(token));
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

/** Resolves a cookie's token to its actor; sliding expiry (refreshed at most every few minutes) up to the absolute lifetime. */
export async function resolveSession(db: Db, clock: Clock, token: string, life: SessionLifetime): Promise<SessionLookup> {
  const now = clock.now();
  const row = await repo.findSessionWithUser(db, tokenId(token));
  if (!row) return { expired: true };
  if (row.session.expiresAt <= now || row.user.status !== 'active') {
    await repo.deleteSession(db, row.session.id);
    return { expired: true };
  }
  const found = { actor: actorOf(row.user), mustChangePassword: row.user.mustChangePassword };
  if (now.getTime() - row.session.lastSeenAt.getTime() <= TOUCH_EVERY_MS) return found;
  const renewedUntil = expiryFrom(now, row.session.createdAt, life);
  // Near the absolute end there is nothing left to extend.
  if (renewedUntil.getTime() <= row.session.expiresAt.getTime()) return found;
  await repo.renewSession(db, row.session.id, now, renewedUntil);
  return { ...found, renewedUntil };
}

export async function purgeExpiredSessions(db: Db, clock: Clock): Promise<void> {
  await repo.deleteSessionsExpiredBefore(db, clock.now());
}

export async function dropSessionsOf(ctx: Ctx, userId: number, exceptToken?: string): Promise<void> {
  await repo.deleteSessionsOf(ctx.db, userId, exceptToken ? tokenId(exceptToken) : undefined);
}

export function actorOf(user: repo.UserRecord): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitCode: user.unitCode,
    departmentId: user.departmentId,
  };
}

import { can, isWithin, type Locale, type Permission, type Role } from '@jiceng/shared';
import type { Executor } from '../db/client';
import type { Clock } from './clock';
import { AppError } from './errors';

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** The unit the account is bound to; null = the whole system (admins only). */
  unitCode: string | null;
  departmentId: number | null;
}

/** What every service call receives: who acts, on which connection, when, from where. */
export interface Ctx {
  db: Executor;
  /** The database outside any transaction: the same object for every request (per-database caches key on it). */
  base?: Executor;
  /** Set inside inTransaction: `db` is one connection, which takes one statement at a time. */
  inTx?: true;
  actor: Actor | null;
  clock: Clock;
  locale: Locale;
  requestId: string;
  ip: string | null;
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

export function requirePermission(ctx: Ctx, permission: Permission): Actor {
  const actor = requireActor(ctx);
  if (!can(actor.role, permission)) throw new AppError('FORBIDDEN', { permission });
  return actor;
}

/** The actor may only touch units inside its own subtree; never sideways. */
export function requireScope(ctx: Ctx, unitCode: string, field = 'unitCode'): Actor {
  const actor = requireActor(ctx);
  if (!isWithin(unitCode, actor.unitCode)) {
    // The code is the caller's own input, so naming it reveals nothing; '' is the whole system.
    const what = unitCode ? { what: `单位 ${unitCode} `, whatEn: `Unit ${unitCode}` } : { what: '全系统', whatEn: 'The whole system' };
    throw new AppError('OUT_OF_SCOPE', what, { field });
  }
  return actor;
}

export function scopeOf(ctx: Ctx): string {
  return requireActor(ctx).unitCode ?? '';
}

/**
 * Runs `fn` in one transaction (a savepoint when nested): the change, its audit rows and the
 * domain events it publishes commit or roll back together.
 */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx, base: ctx.base ?? ctx.db, inTx: true }));
}

/**
 * Independent reads: at once on the pool, one after another inside a transaction, whose single
 * connection takes one statement at a time (pg 8 queues a second one with a deprecation warning;
 * pg 9 refuses it).
 */
export async function readAll<T extends readonly unknown[]>(ctx: Ctx, reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!ctx.inTx) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}

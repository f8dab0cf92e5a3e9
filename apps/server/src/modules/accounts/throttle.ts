import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';

/**
 * Login throttling instead of an account lock (docs/security.md). A lock let anyone shut the
 * admin out with five wrong guesses; here wrong passwords slow down only the (account, address)
 * pair that made them, and the address as a whole, so the owner logging in from their own
 * address still gets in while a guesser waits longer after each miss.
 *
 * Every attempt is counted before its password is checked (a pair's counter is reset by a right
 * password), so parallel guesses cannot all slip through the free allowance. The counters live in
 * this process (per database, like ttl-cache): with JICENG_WORKERS each worker counts on its own.
 */
export const PAIR_FREE_FAILURES = 5;
export const ADDRESS_FREE_FAILURES = 30;
export const MAX_DELAY_MS = 15 * 60_000;
/** A counter idle this long is forgotten. */
const FORGET_MS = 24 * 3600_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  failures: number;
  blockedUntil: number;
  lastAt: number;
}

let byDb = new WeakMap<object, Map<string, Entry>>();

function entries(ctx: Ctx): Map<string, Entry> {
  const db = ctx.base ?? ctx.db;
  let map = byDb.get(db);
  if (!map) {
    map = new Map();
    byDb.set(db, map);
  }
  return map;
}

/** The wait after the n-th counted attempt: none within the allowance, then 1 s, 2 s, 4 s … up to 15 minutes. */
export function delayAfter(failures: number, free: number): number {
  return failures <= free ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - free - 1));
}

const pairKey = (username: string, ip: string) => `p|${username.toLowerCase()}|${ip}`;
const addressKey = (ip: string) => `a|${ip}`;

function live(map: Map<string, Entry>, key: string, now: number): Entry | undefined {
  const e = map.get(key);
  if (e && now - e.lastAt > FORGET_MS) {
    map.delete(key);
    return undefined;
  }
  return e;
}

function count(map: Map<string, Entry>, key: string, now: number, free: number): void {
  if (map.size >= MAX_ENTRIES) map.clear();
  const e = live(map, key, now) ?? { failures: 0, blockedUntil: 0, lastAt: now };
  e.failures++;
  e.lastAt = now;
  e.blockedUntil = now + delayAfter(e.failures, free);
  map.set(key, e);
}

/**
 * Refuses (429, with the seconds to wait) while the pair or the address is held back, else
 * counts this attempt against both. Call before checking the password; `succeeded` afterwards.
 */
export function beginAttempt(ctx: Ctx, username: string): void {
  const map = entries(ctx);
  const now = ctx.clock.now().getTime();
  const ip = ctx.ip ?? '';
  const until = Math.max(live(map, pairKey(username, ip), now)?.blockedUntil ?? 0, live(map, addressKey(ip), now)?.blockedUntil ?? 0);
  if (until > now) throw new AppError('LOGIN_THROTTLED', { seconds: Math.ceil((until - now) / 1000) });
  count(map, pairKey(username, ip), now, PAIR_FREE_FAILURES);
  count(map, addressKey(ip), now, ADDRESS_FREE_FAILURES);
}

/** An attempt that failed for another reason than its password (the database was away): not held against it. */
export function refund(ctx: Ctx, username: string): void {
  const map = entries(ctx);
  for (const [key, free] of [
    [pairKey(username, ctx.ip ?? ''), PAIR_FREE_FAILURES],
    [addressKey(ctx.ip ?? ''), ADDRESS_FREE_FAILURES],
  ] as const) {
    const e = map.get(key);
    if (!e || e.failures === 0) continue;
    e.failures--;
    e.blockedUntil = e.lastAt + delayAfter(e.failures, free);
  }
}

/**
 * A right password: this pair starts afresh. The address keeps its other failures: one account
 * an attacker knows must not launder their guesses at the others.
 */
export function succeeded(ctx: Ctx, username: string): void {
  const map = entries(ctx);
  map.delete(pairKey(username, ctx.ip ?? ''));
  const a = map.get(addressKey(ctx.ip ?? ''));
  // The right attempt was counted by beginAttempt: take it back.
  if (a && a.failures > 0) {
    a.failures--;
    a.blockedUntil = a.lastAt + delayAfter(a.failures, ADDRESS_FREE_FAILURES);
  }
}

/** Forgets every counter (tests). */
export function resetThrottle(): void {
  byDb = new WeakMap();
}

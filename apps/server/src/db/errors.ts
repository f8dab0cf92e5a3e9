/**
 * The PostgreSQL error (SQLSTATE and constraint) under drizzle's and the driver's wrappers
 * (PGlite and node-postgres alike), for services that turn a constraint into a catalogue error:
 * a concurrent writer's win, or a row removed since it was cached.
 */
export function pgErrorOf(err: unknown): { code: string; constraint: string | undefined } | null {
  let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | null;
  for (let i = 0; e && typeof e === 'object' && i < 3; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
    }
    e = e.cause as typeof e;
  }
  return null;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** True when `err` is a foreign-key violation (23503) on the named constraint. */
export function isForeignKeyViolation(err: unknown, constraint: string): boolean {
  const e = pgErrorOf(err);
  return e?.code === FOREIGN_KEY_VIOLATION && e.constraint === constraint;
}

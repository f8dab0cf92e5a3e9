/** The PostgreSQL error under a driver's or drizzle's wrapper (PGlite and node-postgres alike). */
function pgError(err: unknown): { code?: string; constraint?: string } | null {
  let e = err as { code?: string; constraint?: string; cause?: unknown } | null;
  for (let i = 0; e && i < 3; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    e = e.cause as typeof e;
  }
  return null;
}

/** True when `err` is a foreign-key violation (23503) on the named constraint. */
export function isForeignKeyViolation(err: unknown, constraint: string): boolean {
  const e = pgError(err);
  return e?.code === '23503' && e.constraint === constraint;
}

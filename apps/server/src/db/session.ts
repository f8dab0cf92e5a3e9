import type { Executor } from './client';

/**
 * The two drizzle internals the hot paths use (db/prebuilt.ts, db/deferred.ts): an executor's
 * `session` and its `prepareQuery`, the same on node-postgres and PGlite in drizzle-orm 0.45.
 * A transaction has a session of its own (one per transaction, shared by its savepoints).
 */
export interface DriverQuery {
  joinsNotNullableMap?: unknown;
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

export interface Session {
  prepareQuery(query: { sql: string; params: unknown[] }, fields: unknown, name: undefined, arrayMode: boolean, mapper?: unknown): DriverQuery;
}

export function sessionOf(db: Executor): Session {
  return (db as unknown as { session: Session }).session;
}

/** Runs a built statement (text and driver values) on `db`, as drizzle runs `db.execute`. */
export function runStatement(session: Session, statement: { sql: string; params: unknown[] }): Promise<unknown> {
  return session.prepareQuery(statement, undefined, undefined, false).execute();
}

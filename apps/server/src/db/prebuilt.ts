import { getTableColumns, is, Param, Placeholder, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Db, Executor } from './client';
import { runStatement, sessionOf } from './session';

/**
 * A drizzle query built once, with placeholders, and run on any connection or transaction.
 * Drizzle builds the SQL text again on every call; on the matter intake that building was a
 * fifth of the server's CPU (docs/performance.md). drizzle's own prepare() cannot help: a
 * prepared query stays bound to the session it was made on, and the hot paths run inside a
 * caller's transaction. So the query is prepared once on a client-less database and its text,
 * parameters and result fields are handed to the executor's session on each call; the rows are
 * mapped exactly as for any drizzle query (drizzle internals: db/session.ts).
 */

/** What drizzle's prepare() keeps: enough to prepare the same query on another session. */
interface BuiltQuery {
  queryString: string;
  params: unknown[];
  fields?: unknown;
  customResultMapper?: unknown;
  joinsNotNullableMap?: unknown;
}

interface Preparable<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> };
}

const builder = drizzle.mock({ casing: 'snake_case' }) as unknown as Db;
const dialect = new PgDialect({ casing: 'snake_case' });

/** Where a write goes: the caller's connection or transaction. */
export interface WriteTarget {
  db: Executor;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

type Fill = (values: Record<string, unknown>) => unknown;

/**
 * How each parameter gets its value. Drizzle's fillPlaceholders hands null to the column's
 * encoder (a null timestamp throws), unlike a query built with the value; so nulls stay null here.
 */
function filler(p: unknown): Fill {
  if (is(p, Placeholder)) return (values) => values[p.name];
  if (is(p, Param) && is(p.value, Placeholder)) {
    const { name } = p.value;
    const encoder = p.encoder as { mapToDriverValue(v: unknown): unknown } | undefined;
    return (values) => {
      const v = values[name];
      return v == null || !encoder ? (v ?? null) : encoder.mapToDriverValue(v);
    };
  }
  return () => p;
}

export type Prebuilt<R, V> = (db: Executor, values: V) => Promise<R>;

/** Builds `query(db)` once (on the client-less database); returns its text and how to fill its placeholders. */
export function buildStatement<V extends Record<string, unknown>>(query: (db: Db) => SQLWrapper): { sql: string; params(values: V): unknown[] } {
  const built = dialect.sqlToQuery(query(builder).getSQL());
  const fills = built.params.map(filler);
  return { sql: built.sql, params: (values) => fills.map((fill) => fill(values)) };
}

export function prebuilt<R, V extends Record<string, unknown>>(build: (db: Db) => Preparable<R>): Prebuilt<R, V> {
  const built = build(builder).prepare('prebuilt') as unknown as BuiltQuery;
  const fills = built.params.map(filler);
  const statement = (values: V) => ({ sql: built.queryString, params: fills.map((fill) => fill(values)) });
  const run = (db: Executor, values: V) => {
    const prepared = sessionOf(db).prepareQuery(statement(values), built.fields, undefined, true, built.customResultMapper);
    prepared.joinsNotNullableMap = built.joinsNotNullableMap;
    return prepared.execute({}) as Promise<R>;
  };
  return run;
}

/**
 * The values of a prebuilt INSERT into `T`: every key in `Keys` present (null where unknown),
 * since a placeholder cannot fall back to the column's default.
 */
export type InsertValues<T extends PgTable, Keys extends readonly (keyof T['$inferInsert'])[]> = {
  [K in Keys[number]]-?: Exclude<T['$inferInsert'][K], undefined>;
};

/** `{ key: sql.placeholder('key') }` for each key: the values of a prebuilt INSERT. */
export function placeholders<K extends string>(keys: readonly K[]): Record<K, Placeholder<K>> {
  return Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as Record<K, Placeholder<K>>;
}

/** `{ key: excluded.<column> }` for each key: the SET of a prebuilt upsert (placeholders are not allowed there). */
export function excluded<T extends PgTable, K extends keyof T['_']['columns'] & string>(table: T, keys: readonly K[]): Record<K, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    keys.map((k) => {
      const column = columns[k] as { name: string; keyAsName: boolean };
      // The schema is used with casing 'snake_case': a column named by its key is stored snake_cased.
      return [k, sql`excluded.${sql.identifier(column.keyAsName ? toSnakeCase(column.name) : column.name)}`];
    }),
  ) as Record<K, SQL>;
}

/** Runs a statement already built (its text fixed, its parameters driver values) on the target's connection. */
export async function runBuiltStatement(target: WriteTarget, statement: Statement): Promise<void> {
  await runStatement(sessionOf(target.db), statement);
}

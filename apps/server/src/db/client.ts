import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { runSqlFiles } from './sql-files';
import { preparingClient, StatementCache } from './statement-cache';
import type * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction inside it. */
export type Executor = Db | Tx;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs raw SQL (used for extensions, triggers and tests). */
  exec(sqlText: string): Promise<void>;
  /**
   * Runs `fn` while holding a session-level advisory lock named `name`, so that several app
   * instances starting together on one PostgreSQL migrate and seed one at a time.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; null for embedded PGlite. */
  url: string | null;
  /** PGlite data folder; null keeps PGlite in memory (tests). */
  dataDir: string | null;
  poolSize?: number;
  /** Name repeated parameterized statements so PostgreSQL keeps them prepared (db/statement-cache.ts). */
  prepare?: boolean;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const Client = options.prepare === false ? pg.Client : preparingClient(new StatementCache());
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, Client });
    // No `schema`: the relational query API is not used, and with a schema drizzle builds a query
    // builder per table for every transaction object (a measurable share of a report's CPU).
    const db = drizzleNodePg({ client: pool, casing: 'snake_case' }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      exec: async (text) => {
        await pool.query(text);
      },
      exclusive: async (name, fn) => {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock(hashtext($1))', [`jiceng.${name}`]);
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [`jiceng.${name}`]).catch(() => {});
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  let dir: string | undefined;
  if (options.dataDir) {
    dir = path.join(options.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    // One process owns an embedded database: nothing to coordinate with.
    exclusive: (_name, fn) => fn(),
    close: () => client.close(),
  };
}

/** The committed migrations: next to this file in development, next to the bundle in production. */
export function migrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, 'migrations'), path.join(here, 'db/migrations'), path.join(here, '../src/db/migrations')]) {
    if (existsSync(path.join(candidate, 'meta/_journal.json'))) return candidate;
  }
  throw new Error(`migrations folder not found near ${here}`);
}

/** Brings the schema up to date: extensions first, then drizzle-kit's migrations, then triggers. */
export async function migrateDatabase(database: Database): Promise<void> {
  const folder = migrationsFolder();
  await runSqlFiles(database, path.join(folder, '..', 'sql'), 'pre');
  if (database.kind === 'postgres') {
    await migrateNodePg(database.db as never, { migrationsFolder: folder });
  } else {
    await migratePglite(database.db as never, { migrationsFolder: folder });
  }
  await runSqlFiles(database, path.join(folder, '..', 'sql'), 'post');
}

import { chmodSync, existsSync, mkdirSync } from 'node:fs';
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
import { lockDataDir } from './data-lock';
import { DURABLE_START_PARAMS, DurableNodeFS } from './pglite-durable';
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
  /** PGlite: a consistent gzipped tarball of the data folder, taken after a checkpoint (db/backup.ts). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; null for embedded PGlite. */
  url: string | null;
  /** PGlite data folder; null keeps PGlite in memory (tests). */
  dataDir: string | null;
  poolSize?: number;
  /** Name repeated parameterized statements so PostgreSQL keeps them prepared (db/statement-cache.ts). */
  prepare?: boolean;
  /** PGlite: run CHECKPOINT this often (0 = never); PostgreSQL's own checkpointer needs no help. */
  checkpointEveryMs?: number;
  /** PostgreSQL: where pool errors go (a restarted server drops idle connections). */
  onPoolError?: (err: Error) => void;
}

/** How often the embedded database checkpoints by default: WAL and recovery time stay bounded. */
export const DEFAULT_CHECKPOINT_MS = 5 * 60_000;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const Base = options.prepare === false ? pg.Client : preparingClient(new StatementCache());
    const onError = options.onPoolError ?? defaultPoolError;
    // A connection checked out of the pool (a transaction, a LISTEN) has no `error` listener of the
    // pool's; when the server goes away it would end the process. Its query fails (503) and the
    // pool discards it on release.
    const Client = class extends Base {
      constructor(config?: pg.ClientConfig) {
        super(config);
        this.on('error', onError);
      }
    } as typeof pg.Client;
    // A connection that cannot be made within 5 s fails the request (503) rather than hanging it.
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, Client, connectionTimeoutMillis: 5_000 });
    // An idle connection dropped by a restarting server emits `error` on the pool; unhandled, it
    // would end the process. The pool discards that client and connects afresh on the next query.
    pool.on('error', onError);
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
  if (!options.dataDir) {
    const client = await PGlite.create(undefined, { extensions: { pg_trgm } });
    return pgliteDatabase(client, () => {});
  }
  // Owner only: the register holds ID numbers and phones.
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(options.dataDir, 0o700);
  const dir = path.join(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  // One process at a time: a second PGlite on the same files (the CLI beside the server) would
  // write into a copy the server then overwrites.
  const release = lockDataDir(path.join(options.dataDir, 'pglite.lock'));
  try {
    const client = await PGlite.create({ fs: new DurableNodeFS(dir), startParams: DURABLE_START_PARAMS, extensions: { pg_trgm } });
    const every = options.checkpointEveryMs ?? DEFAULT_CHECKPOINT_MS;
    const timer = every > 0 ? setInterval(() => void client.exec('CHECKPOINT').catch(() => {}), every) : null;
    timer?.unref();
    return pgliteDatabase(client, () => {
      if (timer) clearInterval(timer);
      release();
    });
  } catch (err) {
    release();
    throw err;
  }
}

function defaultPoolError(err: Error): void {
  process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), pid: process.pid, msg: `database connection lost: ${err.message}` })}\n`);
}

function pgliteDatabase(client: PGlite, onClose: () => void): Database {
  const db = drizzlePglite({ client, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    // One process owns an embedded database (the lock file): nothing to coordinate with.
    exclusive: (_name, fn) => fn(),
    dumpDataDir: async () => {
      await client.exec('CHECKPOINT');
      // Runs with every query held back: no write can slip between the files it reads.
      return client.dumpDataDir('gzip');
    },
    close: async () => {
      try {
        // A clean stop leaves nothing to replay at the next start.
        await client.exec('CHECKPOINT').catch(() => {});
        await client.close();
      } finally {
        onClose();
      }
    },
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

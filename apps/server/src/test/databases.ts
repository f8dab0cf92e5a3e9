import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, migrateDatabase, openDatabase } from '../db/client';

/** Which database the API tests run on: JICENG_TEST_DB=pglite (default) or postgres. */
export const TEST_DB = (process.env.JICENG_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export const TEST_PG_URL = process.env.JICENG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Test databases' name prefix: a run drops only its own prefix's leftovers, so runs side by side
 * (JICENG_TEST_PG_PREFIX=jiceng_a_ for one, jiceng_b_ for another) never drop each other's. */
export const DB_PREFIX = process.env.JICENG_TEST_PG_PREFIX ?? 'jiceng_t_';
if (!/^[a-z][a-z0-9_]{0,30}$/.test(DB_PREFIX)) throw new Error(`JICENG_TEST_PG_PREFIX: not a plain lower-case name: ${DB_PREFIX}`);
export const TEMPLATE_DB = `${DB_PREFIX}template`;

export function urlFor(dbName: string): string {
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Builds the migrated template once per run (vitest globalSetup); each test file clones it. */
export async function prepareTemplate(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DB} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  const database = await openDatabase({ url: urlFor(TEMPLATE_DB), dataDir: null, poolSize: 1 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
}

/** A fresh, migrated database for one test file: in-memory PGlite, or a clone of the PostgreSQL template. */
export async function freshDatabase(): Promise<Database & { drop(): Promise<void> }> {
  if (TEST_DB === 'postgres') {
    const name = `${DB_PREFIX}${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    const database = await openDatabase({ url: urlFor(name), dataDir: null, poolSize: 5 });
    return {
      ...database,
      drop: async () => {
        await database.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const database = await openDatabase({ url: null, dataDir: null });
  await migrateDatabase(database);
  return { ...database, drop: () => database.close() };
}

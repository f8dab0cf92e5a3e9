import pg from 'pg';
import { DB_PREFIX, prepareTemplate, TEST_DB, TEST_PG_URL } from './databases';

/** PostgreSQL runs: drop databases left by killed runs, then build the migrated template. */
export default async function setup(): Promise<void> {
  if (TEST_DB !== 'postgres') return;
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1) and datname <> $2', [
    DB_PREFIX,
    `${DB_PREFIX}template`,
  ]);
  for (const r of rows) await client.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  await client.end();
  await prepareTemplate();
}

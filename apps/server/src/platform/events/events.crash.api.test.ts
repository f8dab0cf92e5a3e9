import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client';
import { adminQuery, TEMPLATE_DB, TEST_DB, urlFor } from '../../test/databases';
import { countingHandler, ping } from './fixtures/counter';
import { publishRow } from './repository';
import { subscribeHandlers } from './subscriptions';

/** Raw SQL's rows (the drivers' results differ in type, not in `rows`). */
async function rowsOf<T>(db: { execute(q: SQL): Promise<unknown> }, q: SQL): Promise<{ rows: T[] }> {
  return (await db.execute(q)) as { rows: T[] };
}

// Several instances share one PostgreSQL (PGlite is one process's own database, so this runs in
// the PostgreSQL pass). Two dispatcher processes handle a stream of events while each is killed
// with SIGKILL, mid-batch, again and again; every event's effect must exist exactly once.
const script = fileURLToPath(new URL('./fixtures/dispatcher-process.ts', import.meta.url));
const children = new Set<ChildProcess>();
let database: Database | null = null;
const name = `jiceng_crash_${randomBytes(4).toString('hex')}`;

function startInstance(url: string): Promise<ChildProcess> {
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, JICENG_DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`instance exited with ${code} before it was ready`)));
  });
}
function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  await Promise.all([...children].map(kill));
  await database?.close();
  if (TEST_DB === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe.runIf(TEST_DB === 'postgres')('domain events across instances and crashes', () => {
  it('two instances, each killed with SIGKILL mid-batch, neither lose nor double an effect', async () => {
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    const url = urlFor(name);
    database = await openDatabase({ url, dataDir: null, poolSize: 2 });
    const db = database.db;
    await db.execute(sql`create table test_ping_effects (event_id bigint not null, n int not null, pid int not null)`);
    await subscribeHandlers(db, [countingHandler]);
    const at = new Date();
    let published = 0;
    const publishSome = async (k: number) => {
      await db.transaction(async (tx) => {
        for (let i = 0; i < k; i++) await publishRow(tx, ping.type, { n: published + i }, at);
      });
      published += k;
    };
    await publishSome(1500);

    const count = async () => {
      const r = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from test_ping_effects`);
      return Number(r.rows[0]?.n);
    };
    let a = await startInstance(url);
    let b = await startInstance(url);
    const kills = { a: 0, b: 0 };
    // Kill each instance in turn while work is in flight, and publish more meanwhile.
    for (let round = 0; round < 6; round++) {
      const before = await count();
      while ((await count()) < before + 150) await sleep(10);
      if (round % 2 === 0) {
        await kill(a);
        kills.a++;
        a = await startInstance(url);
      } else {
        await kill(b);
        kills.b++;
        b = await startInstance(url);
      }
      await publishSome(200);
    }
    const deadline = Date.now() + 60_000;
    for (;;) {
      const left = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from event_deliveries`);
      if (Number(left.rows[0]?.n) === 0) break;
      if (Date.now() > deadline) throw new Error('deliveries left after a minute');
      await sleep(50);
    }
    const r = await rowsOf<{ total: number; distinct: number; pids: number }>(
      db,
      sql`select count(*)::int as total, count(distinct event_id)::int as distinct, count(distinct pid)::int as pids from test_ping_effects`,
    );
    const row = r.rows[0];
    expect(kills).toEqual({ a: 3, b: 3 });
    expect(published).toBe(2700);
    expect(row).toEqual({ total: 2700, distinct: 2700, pids: expect.any(Number) });
    // The work was shared: more than the two first processes handled some.
    expect(row?.pids).toBeGreaterThan(2);
  }, 120_000);
});

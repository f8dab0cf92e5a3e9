import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../test/databases';
import { type Database, openDatabase } from './client';
import { DurableNodeFS } from './pglite-durable';

// The embedded default on disk (docs/operations.md, "Durability"). PGlite only: skipped on the
// PostgreSQL run, whose durability is PostgreSQL's own.
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'jiceng-durable-'));
let database: Database | null = null;
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, JICENG_DATA_DIR: dir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, output };
}

const lsn = async (db: Database) =>
  ((await db.db.execute('select checkpoint_lsn::text as lsn from pg_control_checkpoint()')) as unknown as { rows: { lsn: string }[] }).rows[0]?.lsn;

describe.skipIf(TEST_DB !== 'pglite')('the embedded database on disk', { timeout: 180_000 }, () => {
  it('opens owner-only, fsyncs every commit, and checkpoints while running', async () => {
    database = await openDatabase({ url: null, dataDir: dir, checkpointEveryMs: 300 });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'pglite')).mode & 0o777).toBe(0o700);
    const settings = (await database.db.execute("select current_setting('fsync') as f, current_setting('wal_sync_method') as w")) as unknown as {
      rows: { f: string; w: string }[];
    };
    expect(settings.rows[0]).toEqual({ f: 'on', w: 'fsync' });
    await database.exec('create table acked (n int)');
    const before = DurableNodeFS.fsyncs;
    for (let i = 0; i < 20; i++) await database.db.execute(`insert into acked values (${i})`);
    // Each commit reached the disk (fsync of the WAL) before it returned.
    expect(DurableNodeFS.fsyncs - before).toBeGreaterThanOrEqual(20);
    const first = await lsn(database);
    await database.db.execute('insert into acked values (99)');
    const deadline = Date.now() + 10_000;
    while ((await lsn(database)) === first && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await lsn(database)).not.toBe(first);
  });

  it('locks the data folder: the CLI refuses it in both languages while the server holds it', async () => {
    const lock = path.join(dir, 'pglite.lock');
    expect(Number.parseInt(readFileSync(lock, 'utf8'), 10)).toBe(process.pid);
    const res = await cli(['create-admin', '--username', 'lost', '--password', 'a-long-Passw0rd!']);
    expect(res.code).toBe(1);
    expect(res.output).toContain('数据目录正被另一个进程');
    expect(res.output).toContain('The data folder is in use by another process');
    expect(res.output).toContain(String(process.pid));
    await database?.close();
    database = null;
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a stale lock left by a process that died', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await once(dead, 'exit');
    writeFileSync(path.join(dir, 'pglite.lock'), `${dead.pid}\n`);
    database = await openDatabase({ url: null, dataDir: dir, checkpointEveryMs: 0 });
    const rows = (await database.db.execute('select count(*)::int as n from acked')) as unknown as { rows: { n: number }[] };
    expect(rows.rows[0]?.n).toBe(21);
  });
});

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery, TEST_DB, TEST_PG_URL } from '../test/databases';
import { migrateDatabase, openDatabase } from './client';

// `npm run cli -- backup FILE` / `restore FILE` on the database of the run: back up, change,
// restore, and the data is back.
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(path.join(tmpdir(), 'jiceng-backup-'));
const dataDir = path.join(work, 'data');
const name = `jiceng_rel_backup_${randomBytes(4).toString('hex')}`;
const url = TEST_DB === 'postgres' ? Object.assign(new URL(TEST_PG_URL), { pathname: `/${name}` }).toString() : null;

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (url) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

async function cli(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, JICENG_DATA_DIR: dataDir, DATABASE_URL: url ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`cli ${args.join(' ')} failed (${code}):\n${output}`);
  return output;
}

async function withDb<T>(fn: (q: (text: string) => Promise<{ name: string }[]>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url, dataDir, checkpointEveryMs: 0 });
  try {
    return await fn(async (text) => ((await database.db.execute(text)) as unknown as { rows: { name: string }[] }).rows);
  } finally {
    await database.close();
  }
}

describe('backup and restore from the command line', { timeout: 240_000 }, () => {
  it('restores the data as it was at the backup', async () => {
    if (url) await adminQuery(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
    const first = await openDatabase({ url, dataDir, checkpointEveryMs: 0 });
    await migrateDatabase(first);
    await first.exec(`insert into units (code, level, name) values ('530303', 'district', '沾益区')`);
    await first.close();

    const file = path.join(work, 'jiceng.backup');
    expect(await cli(['backup', file])).toContain('backed up');
    // The embedded backup holds the register: owner only.
    if (!url) expect(statSync(file).mode & 0o077).toBe(0);

    await withDb(async (q) => {
      await q(`update units set name = '改坏了' where code = '530303'`);
      await q(`insert into units (code, level, name) values ('530304', 'district', '备份之后')`);
    });
    expect(await cli(['restore', file])).toContain('restored');
    const rows = await withDb((q) => q('select name from units order by code'));
    expect(rows.map((r) => r.name)).toEqual(['沾益区']);
  });
});

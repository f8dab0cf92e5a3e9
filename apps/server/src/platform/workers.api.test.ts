import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery, TEST_DB, TEST_PG_URL } from '../test/databases';

// JICENG_WORKERS=2: the primary must replace dying workers and never exit while it should serve
// (it exited 0 once every worker had died). PostgreSQL run only (workers need PostgreSQL).
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Not jiceng_t_*: a concurrent run's global setup drops those. The app migrates it itself.
const name = `jiceng_rel_workers_${randomBytes(4).toString('hex')}`;
let primary: ChildProcess | null = null;
let output = '';

afterAll(async () => {
  primary?.kill('SIGKILL');
  for (const pid of readyPids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  if (TEST_DB === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

function readyPids(): number[] {
  const pids: number[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const e = JSON.parse(line) as { pid: number; msg: string };
      if (e.msg.startsWith('jiceng is ready')) pids.push(e.pid);
    } catch {
      // partial line
    }
  }
  return pids;
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (primary?.exitCode !== null) throw new Error(`the primary exited (${primary?.exitCode}) waiting for ${what}:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(TEST_DB !== 'postgres')('the primary of JICENG_WORKERS', { timeout: 240_000 }, () => {
  it('respawns workers that all died and keeps serving', async () => {
    await adminQuery(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
    const s = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => s.once('listening', r));
    const { port } = s.address() as net.AddressInfo;
    await new Promise((r) => s.close(r));
    primary = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: Object.assign(new URL(TEST_PG_URL), { pathname: `/${name}` }).toString(),
        JICENG_DEMO: '0',
        JICENG_SECRET: 'a-test-secret-of-enough-length-0123456789',
        JICENG_WORKERS: '2',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout?.on('data', (d) => (output += d));
    primary.stderr?.on('data', (d) => (output += d));
    await until('two workers ready', () => readyPids().length === 2);
    // Every worker dies at once (an OOM, a bad deploy of a dependency …).
    for (const pid of readyPids()) process.kill(pid, 'SIGKILL');
    await until('both exits seen', () => (output.match(/worker \d+ exited/g) ?? []).length === 2);
    await until('two new workers', () => readyPids().filter(alive).length === 2);
    expect(primary.exitCode).toBe(null);
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
  });
});

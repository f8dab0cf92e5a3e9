import { randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server';

// JICENG_WORKERS=2 on PostgreSQL: one primary, two HTTP workers on one port.
const ADMIN_URL = process.env.JICENG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `jiceng_e2e_w_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
let server: RunningServer;

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

/** The pids that logged a line with this message (pino JSON lines). */
function pidsSaying(msg: string): number[] {
  const pids = new Set<number>();
  for (const line of server.output().split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { pid: number; msg: string };
      if (entry.msg === msg || entry.msg.startsWith(msg)) pids.add(entry.pid);
    } catch {
      // a partial line
    }
  }
  return [...pids];
}

/** GET on a new connection each time (no keep-alive pool), so the primary hands each to a worker afresh. */
function freshGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 20_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${server.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${dbName} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  server = await startServer({ DATABASE_URL: dbUrl, JICENG_DEMO: '1', JICENG_DEMO_DISTRICT: '0', JICENG_WORKERS: '2', LOG_LEVEL: 'info' });
});

afterAll(async () => {
  await server?.stop();
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

describe('HTTP workers (JICENG_WORKERS=2)', { timeout: 180_000 }, () => {
  it('two workers serve the port; requests reach both', async () => {
    await until('two workers ready', () => pidsSaying('jiceng is ready').length === 2);
    // Each request on a new connection, which the primary hands round-robin.
    for (let i = 0; i < 20; i++) expect(await freshGet(`${server.url}/api/health`)).toBe(200);
    await until('both workers answering', () => pidsSaying('request completed').length === 2, 10_000);
  });

  it('a worker that dies is replaced while the other keeps serving', async () => {
    const [victim] = pidsSaying('jiceng is ready');
    process.kill(victim as number, 'SIGKILL');
    // A connection handed to the worker in the instant it died is lost, as with any crashed
    // process; once the primary has seen the exit, the other worker takes every request.
    await until('the primary to see the exit', () => server.output().includes(`worker ${victim} exited`));
    for (let i = 0; i < 4; i++) expect(await freshGet(`${server.url}/api/health`)).toBe(200);
    await until('a third worker ready', () => pidsSaying('jiceng is ready').length === 3);
  });

  it('stops cleanly on SIGTERM: primary and workers exit', async () => {
    await server.stop(); // SIGTERM, as a service manager sends it
    expect(server.process.exitCode).toBe(0);
    for (const pid of pidsSaying('jiceng is ready')) expect(() => process.kill(pid, 0)).toThrow();
  });
});

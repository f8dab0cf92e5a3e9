import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, TEST_DB, TEST_PG_URL } from '../test/databases';

// A PostgreSQL restart, as the app sees it: a TCP proxy between the app and PostgreSQL that the
// test cuts (every connection dropped, new ones refused) and restores. PostgreSQL run only.
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Not jiceng_t_*: a concurrent run's global setup drops those. The app migrates it itself.
const name = `jiceng_rel_restart_${randomBytes(4).toString('hex')}`;
const pgTarget = new URL(TEST_PG_URL);

/** A proxy to PostgreSQL on a fixed port that can be cut (close + destroy sockets) and restored. */
function proxy(port: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  return {
    async up() {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(pgTarget.port || 5432), pgTarget.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((r) => server?.listen(port, '127.0.0.1', r));
    },
    async down() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => (server ? server.close(r) : r(null)));
      server = null;
    },
  };
}

async function freePort(): Promise<number> {
  const s = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

let app: ChildProcess | null = null;
let output = '';
let appUrl = '';
afterAll(async () => {
  app?.kill('SIGKILL');
  if (TEST_DB === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

async function health(): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(`${appUrl}/api/health`, { headers: { 'accept-language': 'zh-CN' }, signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: await res.text() };
  } catch (err) {
    return { status: 0, body: String(err) };
  }
}

async function until(what: string, ok: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (app?.exitCode !== null) throw new Error(`the app exited (${app?.exitCode}) waiting for ${what}:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(TEST_DB !== 'postgres')('riding through a PostgreSQL restart', { timeout: 240_000 }, () => {
  const proxyPort = { value: 0 };
  let link: ReturnType<typeof proxy>;
  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
    proxyPort.value = await freePort();
    link = proxy(proxyPort.value);
  });

  it('starts while the database is down, and serves once it is up', async () => {
    const dbUrl = Object.assign(new URL(TEST_PG_URL), { host: `127.0.0.1:${proxyPort.value}`, pathname: `/${name}` }).toString();
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    app = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        JICENG_DEMO: '0',
        JICENG_SECRET: 'a-test-secret-of-enough-length-0123456789',
        JICENG_DB_WAIT_SECONDS: '120',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app.stdout?.on('data', (d) => (output += d));
    app.stderr?.on('data', (d) => (output += d));
    // The proxy is down: the app retries with backoff instead of exiting.
    await until('a retry logged', () => output.includes('the database is unreachable'));
    expect(app.exitCode).toBe(null);
    await link.up();
    await until('healthy', async () => (await health()).status === 200, 120_000);
  });

  it('answers 503 in both languages while the database is gone, and recovers by itself', async () => {
    await link.down();
    const down = await health();
    expect(down.status, `${down.body}\n${output.slice(-3000)}`).toBe(503);
    const body = JSON.parse(down.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('DB_UNAVAILABLE');
    expect(JSON.stringify(body)).toContain('数据库暂时无法连接');
    const en = await fetch(`${appUrl}/api/health`, { headers: { 'accept-language': 'en' } });
    expect(en.status).toBe(503);
    expect(await en.text()).toContain('The database is unreachable');
    // Idle connections dropped by the "restart" must not have killed the process.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(app?.exitCode).toBe(null);
    await link.up();
    await until('healthy again', async () => (await health()).status === 200, 30_000);
    await link.down();
  });
});

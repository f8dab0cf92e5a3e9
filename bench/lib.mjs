// Helpers shared by the benches: paths, child processes with a deadline, peak memory, throwaway
// PostgreSQL databases, the built server, and result files. Everything binds to 127.0.0.1.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.join(ROOT, 'bench/.cache');
/** The bundle being measured: apps/server/dist, or the snapshot of it takeSnapshot() made. */
export let DIST = path.join(ROOT, 'apps/server/dist');
export const RESULTS = path.join(ROOT, 'bench/results');
export const PG_ADMIN_URL = process.env.JICENG_BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export function requireBuild() {
  for (const f of ['server.js', 'cli.js']) {
    if (!existsSync(path.join(DIST, f))) throw new Error(`apps/server/dist/${f} is missing: run npm run build -w @jiceng/server first`);
  }
}

/**
 * Copies the built server to bench/.cache so that a rebuild by someone else during a long run
 * (which may regenerate the migrations) does not change what is measured. The copy keeps the
 * repository layout around it (data/divisions, the web build) through links; packages resolve
 * from the root node_modules as before. Returns a function removing the copy.
 */
export function takeSnapshot() {
  mkdirSync(CACHE, { recursive: true });
  const top = mkdtempSync(path.join(CACHE, 'dist-'));
  const dist = path.join(top, 'apps/server/dist');
  cpSync(path.join(ROOT, 'apps/server/dist'), dist, { recursive: true });
  for (const rel of ['apps/server/data', 'apps/web/dist', 'apps/server/node_modules']) {
    if (!existsSync(path.join(ROOT, rel))) continue;
    mkdirSync(path.dirname(path.join(top, rel)), { recursive: true });
    symlinkSync(path.join(ROOT, rel), path.join(top, rel));
  }
  DIST = dist;
  return () => removeDir(top);
}

/** A fresh data folder under bench/.cache; `national` links the shared cache of the NBS tables into it. */
export function freshDataDir(label, { national = false } = {}) {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(path.join(CACHE, `${label}-`));
  if (national) {
    mkdirSync(path.join(CACHE, 'national'), { recursive: true });
    symlinkSync(path.join(CACHE, 'national'), path.join(dir, 'cache'));
  }
  return dir;
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs a command under /usr/bin/time -v with a deadline; returns its wall time, peak RSS (of the
 * command itself, the importing node process) and output. Throws on a non-zero exit or timeout.
 */
export function runTimed(cmd, args, { env = {}, timeoutMs = 30 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-v', cmd, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (code !== 0) {
        reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${stdout}\n${stderr}`));
        return;
      }
      resolve({ wallMs, peakRssMb: rss ? Number(rss[1]) / 1024 : null, stdout, stderr });
    });
  });
}

/** Creates a throwaway UTF-8 database with C collation; returns its URL and a drop function. */
export async function createPgDatabase(label) {
  const name = `jiceng_bench_${label}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Row counts of units per level, through whichever database the data dir or URL names. */
export async function unitCounts({ url, dataDir }) {
  const sqlText = 'select level, count(*)::int as n from units group by level order by level';
  let rows;
  if (url) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      rows = (await c.query(sqlText)).rows;
    } finally {
      await c.end();
    }
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(path.join(dataDir, 'pglite'));
    try {
      rows = (await db.query(sqlText)).rows;
    } finally {
      await db.close();
    }
  }
  return Object.fromEntries(rows.map((r) => [r.level, r.n]));
}

/** Demo mode's background district seed is off unless a bench asks for it (it would load the machine). */
export function serverEnv({ port, dataDir, url, demo = true, district = false }) {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    JICENG_DATA_DIR: dataDir,
    LOG_LEVEL: district ? 'info' : 'warn',
    JICENG_DEMO_DISTRICT: district ? '1' : '0',
    ...(url ? { DATABASE_URL: url, JICENG_DEMO: demo ? '1' : '0' } : { DATABASE_URL: '' }),
  };
}

/**
 * Spawns the built server and waits for the first 200 from /api/health (polled every 10 ms);
 * returns the child, the time from spawn to that 200, and stop(). Killed on timeout.
 * JICENG_BENCH_NODE_ARGS adds Node options to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export async function startServer(env, { timeoutMs = 120_000 } = {}) {
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [...(process.env.JICENG_BENCH_NODE_ARGS ? process.env.JICENG_BENCH_NODE_ARGS.split(' ') : []), path.join(DIST, 'server.js')],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // logged(re): when the server first logs a line matching re, in ms from spawn (the log is on stdout).
  let stdout = '';
  const waiters = [];
  child.stdout.on('data', (d) => {
    stdout = (stdout + d).slice(-65_536);
    for (const w of [...waiters])
      if (w.re.test(stdout)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(Number(process.hrtime.bigint() - started) / 1e6);
      }
  });
  const logged = (re) =>
    re.test(stdout) ? Promise.resolve(Number(process.hrtime.bigint() - started) / 1e6) : new Promise((resolve) => waiters.push({ re, resolve }));
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  const base = `http://127.0.0.1:${env.PORT}`;
  for (;;) {
    if (exited) throw new Error(`server exited before answering /api/health:\n${stderr}`);
    if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs) {
      await stop();
      throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${stderr}`);
    }
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, base, readyMs: Number(process.hrtime.bigint() - started) / 1e6, stop, logged };
}

export async function login(base, username, password = 'jiceng-demo') {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('jiceng_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0];
}

let nextPort = 18_400 + (process.pid % 500) * 2;
export function freePort() {
  nextPort += 1;
  return nextPort;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: null,
  };
}

export async function postgresVersion() {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return (await c.query('show server_version')).rows[0].server_version;
  } finally {
    await c.end();
  }
}

export function writeResult(name, data) {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

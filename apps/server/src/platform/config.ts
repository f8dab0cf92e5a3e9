import { availableParallelism } from 'node:os';
import path from 'node:path';

/** Every setting comes from the environment; docs/configuration.md lists them all. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  sessionHours: number;
  logLevel: string;
  webDir: string | null;
  trustProxy: boolean;
  publicUrl: string;
  /** Run every periodic job this often instead of its own interval (null = each job's own). */
  jobsEveryMs: number | null;
  /** Added to the system clock: lets a demo or a test run "hours later" (demo mode only). */
  clockOffsetMs: number;
  /** HTTP worker processes sharing the port (PostgreSQL only: the embedded database belongs to one process). */
  workers: number;
  /** Server-side prepared statements for repeated queries (db/statement-cache.ts); off for poolers that cannot keep them. */
  pgPrepare: boolean;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, { signed = false } = {}): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || (!signed && n < 0)) throw new Error(`${name} must be a${signed ? 'n' : ' non-negative'} integer, got "${raw}"`);
  return n;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error(`${name} must be 1, 0, true or false, got "${raw}"`);
}

/** `JICENG_WORKERS`: a count, or `auto` for one per CPU core; more than one needs PostgreSQL. */
function workersOf(env: NodeJS.ProcessEnv, databaseUrl: string | null): number {
  const raw = env.JICENG_WORKERS;
  const n = raw === 'auto' ? availableParallelism() : int(env, 'JICENG_WORKERS', 1);
  if (n > 1 && !databaseUrl && raw !== 'auto')
    throw new Error(`JICENG_WORKERS=${raw} needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process`);
  return databaseUrl ? Math.max(1, n) : 1;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || null;
  const port = int(env, 'PORT', 8080);
  const host = env.HOST || '127.0.0.1';
  // Demo data only on the embedded database unless asked for explicitly.
  const demo = env.JICENG_DEMO ? env.JICENG_DEMO === '1' || env.JICENG_DEMO === 'true' : !databaseUrl;
  const jobsEveryMs = int(env, 'JICENG_JOBS_EVERY_MS', 0);
  if (env.JICENG_JOBS_EVERY_MS && jobsEveryMs < 50) throw new Error(`JICENG_JOBS_EVERY_MS must be at least 50, got "${env.JICENG_JOBS_EVERY_MS}"`);
  const clockOffsetMs = int(env, 'JICENG_CLOCK_OFFSET_MS', 0, { signed: true });
  // A shifted clock moves every deadline: never on real data.
  if (clockOffsetMs !== 0 && !demo) throw new Error('JICENG_CLOCK_OFFSET_MS is allowed only in demo mode (JICENG_DEMO=1)');
  return {
    port,
    host,
    databaseUrl,
    dataDir: path.resolve(env.JICENG_DATA_DIR || './data'),
    demo,
    sessionHours: int(env, 'JICENG_SESSION_HOURS', 12),
    logLevel: env.LOG_LEVEL || 'info',
    webDir: env.JICENG_WEB_DIR || null,
    trustProxy: env.JICENG_TRUST_PROXY === '1' || env.JICENG_TRUST_PROXY === 'true',
    publicUrl: env.JICENG_PUBLIC_URL || `http://${host}:${port}`,
    jobsEveryMs: jobsEveryMs || null,
    clockOffsetMs,
    workers: workersOf(env, databaseUrl),
    pgPrepare: flag(env, 'JICENG_PG_PREPARE', true),
  };
}

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
  /** HTTP worker processes sharing the port (PostgreSQL only: the embedded database belongs to one process). */
  workers: number;
}

function int(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/** `JICENG_WORKERS`: a count, or `auto` for one per CPU core; more than one needs PostgreSQL. */
function workersOf(env: NodeJS.ProcessEnv, databaseUrl: string | null): number {
  const raw = env.JICENG_WORKERS;
  const n = raw === 'auto' ? availableParallelism() : int('JICENG_WORKERS', 1, env);
  if (n > 1 && !databaseUrl && raw !== 'auto')
    throw new Error(`JICENG_WORKERS=${raw} needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process`);
  return databaseUrl ? Math.max(1, n) : 1;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || null;
  const port = int('PORT', 8080, env);
  const host = env.HOST || '127.0.0.1';
  return {
    port,
    host,
    databaseUrl,
    dataDir: path.resolve(env.JICENG_DATA_DIR || './data'),
    // Demo data only on the embedded database unless asked for explicitly.
    demo: env.JICENG_DEMO ? env.JICENG_DEMO === '1' || env.JICENG_DEMO === 'true' : !databaseUrl,
    sessionHours: int('JICENG_SESSION_HOURS', 12, env),
    logLevel: env.LOG_LEVEL || 'info',
    webDir: env.JICENG_WEB_DIR || null,
    trustProxy: env.JICENG_TRUST_PROXY === '1' || env.JICENG_TRUST_PROXY === 'true',
    publicUrl: env.JICENG_PUBLIC_URL || `http://${host}:${port}`,
    workers: workersOf(env, databaseUrl),
  };
}

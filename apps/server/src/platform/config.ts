import { availableParallelism } from 'node:os';
import path from 'node:path';

/** Every setting comes from the environment; docs/configuration.md lists them all. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  /** Demo mode: seed the whole district after listening (JICENG_DEMO_DISTRICT, on by default). */
  demoDistrict: boolean;
  sessionHours: number;
  logLevel: string;
  webDir: string | null;
  /**
   * `JICENG_TRUST_PROXY_HOPS`: how many proxies in front of the app to believe. The client's
   * address is the one that many hops from the right of `X-Forwarded-For` (0: the socket's).
   * The legacy `JICENG_TRUST_PROXY=1` means one hop.
   */
  trustProxyHops: number;
  /** `JICENG_SESSION_MAX_HOURS`: absolute lifetime of a session however active it stays. */
  sessionMaxHours: number;
  /** `JICENG_SECURE_COOKIES`: always mark the session cookie `Secure` (else only when the request came over https). */
  secureCookies: boolean;
  /** `JICENG_WEBHOOK_HOSTS`: the host names robot URLs may point to (comma-separated; default WeCom's). */
  webhookHosts: string[];
  /** `JICENG_WEBHOOK_ALLOW_HTTP`: also allow plain http robot URLs (https only by default). */
  webhookAllowHttp: boolean;
  /** `JICENG_WEBHOOK_ALLOW_PRIVATE`: allow robot hosts that resolve to private or loopback addresses (never by default). */
  webhookAllowPrivate: boolean;
  publicUrl: string;
  /** `JICENG_DB_WAIT_SECONDS`: how long start-up keeps retrying a database it cannot reach (default 120; 0 = fail at once). */
  dbWaitSeconds: number;
  /** `JICENG_CHECKPOINT_MINUTES`: how often the embedded database checkpoints (default 5; 0 = never while running). */
  checkpointMinutes: number;
  /** Run every periodic job this often instead of its own interval (null = each job's own). */
  jobsEveryMs: number | null;
  /** `JICENG_EVENTS_POLL_MS`: how often the event dispatcher looks for other instances' events and retries (its own wake at once). */
  eventsPollMs: number;
  /** Added to the system clock: lets a demo or a test run "hours later" (demo mode only). */
  clockOffsetMs: number;
  /** HTTP worker processes sharing the port (PostgreSQL only: the embedded database belongs to one process). */
  workers: number;
  /** Server-side prepared statements for repeated queries (db/statement-cache.ts); off for poolers that cannot keep them. */
  pgPrepare: boolean;
  /**
   * `JICENG_SECRET`: signs the contact cards' QR report links (matters/codes.ts). Null: a secret
   * generated once into `<dataDir>/secret`, allowed only where one data folder serves every process.
   */
  secret: string | null;
  /** `JICENG_PUBLIC_RATE_LIMIT`: resident reports per minute and address (reads: six times that). */
  publicRateLimit: number;
}

/** WeCom's group robot webhook host: the only place robot URLs may point to unless configured. */
export const DEFAULT_WEBHOOK_HOSTS = ['qyapi.weixin.qq.com'];

/** `JICENG_SESSION_MAX_HOURS` (default 7 days): a stolen cookie kept alive by use still ends. */
function sessionMaxHoursOf(env: NodeJS.ProcessEnv): number {
  const idle = int(env, 'JICENG_SESSION_HOURS', 12);
  const max = int(env, 'JICENG_SESSION_MAX_HOURS', Math.max(168, idle));
  if (max < idle) throw new Error(`JICENG_SESSION_MAX_HOURS (${max}) must not be shorter than JICENG_SESSION_HOURS (${idle})`);
  return max;
}

/** Shorter secrets are guessable offline from one printed card (the token is an HMAC of the id). */
export const SECRET_MIN_LENGTH = 32;

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

/**
 * `JICENG_SECRET`. Production on PostgreSQL needs it: several instances (or hosts) share one
 * database but not one data folder, so each would generate its own secret and every printed QR
 * code would be valid on one instance only.
 */
function secretOf(env: NodeJS.ProcessEnv, production: boolean, dataDir: string): string | null {
  const raw = env.JICENG_SECRET;
  if (raw === undefined || raw === '') {
    if (production)
      throw new Error(
        'JICENG_SECRET is required with DATABASE_URL outside demo mode: every instance must sign QR report links with the same secret ' +
          `(e.g. JICENG_SECRET=$(openssl rand -hex 32); to keep cards printed by a single instance valid, use the content of ${path.join(dataDir, 'secret')})`,
      );
    return null;
  }
  if (raw.trim() !== raw || raw.length < SECRET_MIN_LENGTH)
    throw new Error(`JICENG_SECRET must be at least ${SECRET_MIN_LENGTH} characters without surrounding spaces, got ${raw.length}`);
  return raw;
}

/**
 * The configuration from `env`. `cli`: for the command-line tool, which signs no QR link, so it
 * runs without JICENG_SECRET where the server would refuse to start.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { cli = false }: { cli?: boolean } = {}): Config {
  const databaseUrl = env.DATABASE_URL || null;
  const port = int(env, 'PORT', 8080);
  const host = env.HOST || '127.0.0.1';
  // Demo data only on the embedded database unless asked for explicitly.
  const demo = flag(env, 'JICENG_DEMO', !databaseUrl);
  const dataDir = path.resolve(env.JICENG_DATA_DIR || './data');
  const jobsEveryMs = int(env, 'JICENG_JOBS_EVERY_MS', 0);
  if (env.JICENG_JOBS_EVERY_MS && jobsEveryMs < 50) throw new Error(`JICENG_JOBS_EVERY_MS must be at least 50, got "${env.JICENG_JOBS_EVERY_MS}"`);
  const clockOffsetMs = int(env, 'JICENG_CLOCK_OFFSET_MS', 0, { signed: true });
  // A shifted clock moves every deadline: never on real data.
  if (clockOffsetMs !== 0 && !demo) throw new Error('JICENG_CLOCK_OFFSET_MS is allowed only in demo mode (JICENG_DEMO=1)');
  const publicRateLimit = int(env, 'JICENG_PUBLIC_RATE_LIMIT', 20);
  if (publicRateLimit < 1) throw new Error(`JICENG_PUBLIC_RATE_LIMIT must be a positive integer, got "${env.JICENG_PUBLIC_RATE_LIMIT}"`);
  return {
    port,
    host,
    databaseUrl,
    dataDir,
    demo,
    demoDistrict: demo && flag(env, 'JICENG_DEMO_DISTRICT', true),
    sessionHours: int(env, 'JICENG_SESSION_HOURS', 12),
    logLevel: env.LOG_LEVEL || 'info',
    webDir: env.JICENG_WEB_DIR || null,
    trustProxyHops: int(env, 'JICENG_TRUST_PROXY_HOPS', flag(env, 'JICENG_TRUST_PROXY', false) ? 1 : 0),
    sessionMaxHours: sessionMaxHoursOf(env),
    secureCookies: flag(env, 'JICENG_SECURE_COOKIES', false),
    webhookHosts: (env.JICENG_WEBHOOK_HOSTS || DEFAULT_WEBHOOK_HOSTS.join(','))
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    webhookAllowHttp: flag(env, 'JICENG_WEBHOOK_ALLOW_HTTP', false),
    webhookAllowPrivate: flag(env, 'JICENG_WEBHOOK_ALLOW_PRIVATE', false),
    publicUrl: env.JICENG_PUBLIC_URL || `http://${host}:${port}`,
    jobsEveryMs: jobsEveryMs || null,
    eventsPollMs: Math.max(20, int(env, 'JICENG_EVENTS_POLL_MS', 250)),
    clockOffsetMs,
    workers: workersOf(env, databaseUrl),
    pgPrepare: flag(env, 'JICENG_PG_PREPARE', true),
    secret: secretOf(env, !cli && databaseUrl !== null && !demo, dataDir),
    publicRateLimit,
    dbWaitSeconds: int(env, 'JICENG_DB_WAIT_SECONDS', 120),
    checkpointMinutes: int(env, 'JICENG_CHECKPOINT_MINUTES', 5),
  };
}

import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app';
import type { Database } from '../db/client';
import { allHandlers } from '../modules';
import { seedDemoSample } from '../modules/demo/sample';
import { DEMO_PASSWORD, seedDemo } from '../modules/demo/seed';
import { ManualClock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import type { Ctx } from '../platform/context';
import type { EventHandler } from '../platform/events/define';
import { drainEvents } from '../platform/events/dispatcher';
import { subscribeHandlers } from '../platform/events/subscriptions';
import { freshDatabase } from './databases';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  /** A service context acting as nobody (for seeding through services in tests). */
  systemCtx(): Ctx;
  /**
   * Runs every event handler on what is due (after a service call made with systemCtx; t.request
   * does it after each request), as the server's dispatcher would shortly after the commit.
   */
  drainEvents(): Promise<number>;
  /** Logs in and returns the cookie header for that user. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
  /** app.inject with an optional session cookie; the events it published are handled before it answers. */
  request(opts: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
}

export interface TestAppOptions {
  /** 沾益区, the demo zones, groups, departments and accounts (default true). */
  demo?: boolean;
  /**
   * The demo's sample register of 地河村 (households, linkage, visits, matters) as demo mode seeds
   * it (default false: tests build their own data and may count on an empty register).
   */
  sample?: boolean;
  /** Handlers beside the modules' own (platform tests of the event machinery). */
  extraHandlers?: EventHandler[];
}

/**
 * One app on one fresh database (with 沾益区 and the demo accounts, without the sample register
 * unless asked) per test file, torn down after the file. Time is a ManualClock starting
 * 2026-01-05 09:00 (Beijing).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const clock = new ManualClock();
  const config = { ...loadConfig({}), demo: true };
  const systemCtx = (): Ctx => ({ db: database.db, actor: null, clock, locale: 'zh-CN', requestId: 'test', ip: null });
  const handlers = [...allHandlers(), ...(options.extraHandlers ?? [])];
  // As server.ts: subscriptions first, so every event from the seed on has its deliveries.
  await subscribeHandlers(database.db, handlers);
  const drain = () => drainEvents(database, clock, handlers);
  if (options.demo !== false) await seedDemo(systemCtx());
  const app = await buildApp({ config, database, clock, logger: process.env.DEBUG_LOG ? { level: 'error' } : false });
  await app.ready();
  if (options.sample === true) await seedDemoSample(systemCtx());
  await drain();
  const cookies = new Map<string, string>();
  const t: TestApp = {
    app,
    database,
    clock,
    systemCtx,
    drainEvents: drain,
    async close() {
      await app.close();
      await database.drop();
    },
    async login(username, password = DEMO_PASSWORD) {
      const key = `${username}\n${password}`;
      const cached = cookies.get(key);
      if (cached) return cached;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const raw = res.headers['set-cookie'];
      const cookie = (Array.isArray(raw) ? raw[0] : raw)?.split(';')[0];
      if (!cookie) throw new Error('no session cookie');
      cookies.set(key, cookie);
      return cookie;
    },
    async request(opts) {
      const { cookie, ...rest } = opts;
      const res = await app.inject({ ...rest, headers: { ...(rest.headers ?? {}), ...(cookie ? { cookie } : {}) } } as InjectOptions);
      await drain();
      return res;
    },
  };
  return t;
}

/** Registers the file's app: built before its tests, closed (and its database dropped) after. */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    Object.assign(t, await createTestApp(options));
  });
  afterAll(async () => {
    await t.close?.();
  });
  return t;
}

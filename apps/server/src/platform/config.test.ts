import { describe, expect, it } from 'vitest';
import { offsetClock, systemClock } from './clock';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('reads the given environment, not the process one', () => {
    const c = loadConfig({ PORT: '9001', JICENG_SESSION_HOURS: '3' });
    expect(c.port).toBe(9001);
    expect(c.sessionHours).toBe(3);
    expect(c.jobsEveryMs).toBeNull();
    expect(c.clockOffsetMs).toBe(0);
  });

  it('JICENG_JOBS_EVERY_MS overrides the job intervals, within reason', () => {
    expect(loadConfig({ JICENG_JOBS_EVERY_MS: '250' }).jobsEveryMs).toBe(250);
    expect(() => loadConfig({ JICENG_JOBS_EVERY_MS: '10' })).toThrow(/at least 50/);
    expect(() => loadConfig({ JICENG_JOBS_EVERY_MS: 'fast' })).toThrow(/JICENG_JOBS_EVERY_MS/);
  });

  it('JICENG_CLOCK_OFFSET_MS may be negative and is refused outside demo mode', () => {
    expect(loadConfig({ JICENG_CLOCK_OFFSET_MS: '-3600000' }).clockOffsetMs).toBe(-3_600_000);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', JICENG_DEMO: '1', JICENG_CLOCK_OFFSET_MS: '7200000' }).clockOffsetMs).toBe(7_200_000);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y', JICENG_CLOCK_OFFSET_MS: '7200000' })).toThrow(/demo mode/);
    expect(() => loadConfig({ JICENG_DEMO: '0', JICENG_CLOCK_OFFSET_MS: '1' })).toThrow(/demo mode/);
  });
});

describe('offsetClock', () => {
  it('is the system clock moved by the offset', () => {
    expect(offsetClock(0)).toBe(systemClock);
    const later =
      offsetClock(3 * 3_600_000)
        .now()
        .getTime() - Date.now();
    expect(later).toBeGreaterThan(3 * 3_600_000 - 1_000);
    expect(later).toBeLessThanOrEqual(3 * 3_600_000);
  });
});

const SECRET = 'a-test-secret-of-32-characters!!';

describe('JICENG_WORKERS', () => {
  const pg = { DATABASE_URL: 'postgres://x@localhost/y', JICENG_SECRET: SECRET };
  it('is one process by default', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig(pg).workers).toBe(1);
  });
  it('takes a count or auto on PostgreSQL', () => {
    expect(loadConfig({ ...pg, JICENG_WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ ...pg, JICENG_WORKERS: 'auto' }).workers).toBeGreaterThanOrEqual(1);
  });
  it('refuses more than one on the embedded database, naming why; auto means one there', () => {
    expect(() => loadConfig({ JICENG_WORKERS: '2' })).toThrow(/JICENG_WORKERS=2 needs PostgreSQL/);
    expect(loadConfig({ JICENG_WORKERS: 'auto' }).workers).toBe(1);
  });
  it('refuses a value that is not a count', () => {
    expect(() => loadConfig({ ...pg, JICENG_WORKERS: 'many' })).toThrow(/JICENG_WORKERS must be a non-negative integer/);
  });
});

describe('JICENG_PG_PREPARE', () => {
  it('is on by default, off with 0 or false, and refuses anything else', () => {
    expect(loadConfig({}).pgPrepare).toBe(true);
    expect(loadConfig({ JICENG_PG_PREPARE: '0' }).pgPrepare).toBe(false);
    expect(loadConfig({ JICENG_PG_PREPARE: 'false' }).pgPrepare).toBe(false);
    expect(() => loadConfig({ JICENG_PG_PREPARE: 'no' })).toThrow(/JICENG_PG_PREPARE must be 1, 0, true or false/);
  });
});

describe('demo mode (what server.ts prepareDatabase seeds from)', () => {
  it('is on for the embedded database and off for PostgreSQL unless asked for', () => {
    expect(loadConfig({}).demo).toBe(true);
    // Production: DATABASE_URL set, JICENG_DEMO unset — no demo accounts, no sample register.
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', JICENG_SECRET: SECRET }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', JICENG_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ JICENG_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ JICENG_DEMO: 'false' }).demo).toBe(false);
  });
  it('seeds the whole district too by default (in the background), unless told not to', () => {
    expect(loadConfig({}).demoDistrict).toBe(true);
    expect(loadConfig({ JICENG_DEMO_DISTRICT: '0' }).demoDistrict).toBe(false);
    // Never outside demo mode, whatever the flag says.
    expect(loadConfig({ JICENG_DEMO: '0', JICENG_DEMO_DISTRICT: '1' }).demoDistrict).toBe(false);
  });
  it('refuses a value that is not a flag, rather than guessing', () => {
    expect(() => loadConfig({ JICENG_DEMO: 'yes' })).toThrow(/JICENG_DEMO must be 1, 0, true or false, got "yes"/);
  });
});

describe('JICENG_SECRET', () => {
  const production = { DATABASE_URL: 'postgres://x/y' };
  it('is passed through as given', () => {
    expect(loadConfig({ JICENG_SECRET: SECRET }).secret).toBe(SECRET);
    expect(loadConfig({ ...production, JICENG_SECRET: SECRET }).secret).toBe(SECRET);
  });
  it('may be unset where one data folder serves every process (embedded database, demo)', () => {
    expect(loadConfig({}).secret).toBeNull();
    expect(loadConfig({ JICENG_DEMO: '0' }).secret).toBeNull();
    expect(loadConfig({ ...production, JICENG_DEMO: '1', JICENG_WORKERS: '2' }).secret).toBeNull();
  });
  it('is required by the server in production on PostgreSQL, naming the variable and the old file', () => {
    expect(() => loadConfig(production)).toThrow(/JICENG_SECRET is required with DATABASE_URL outside demo mode/);
    expect(() => loadConfig({ ...production, JICENG_DATA_DIR: '/srv/jiceng' })).toThrow('/srv/jiceng/secret');
  });
  it('is not required by the CLI, which signs nothing', () => {
    expect(loadConfig(production, { cli: true }).secret).toBeNull();
  });
  it('refuses a short secret or one with surrounding spaces', () => {
    expect(() => loadConfig({ JICENG_SECRET: 'short' })).toThrow(/JICENG_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ JICENG_SECRET: ` ${SECRET}` })).toThrow(/JICENG_SECRET must be at least 32 characters without surrounding spaces/);
  });
});

describe('JICENG_PUBLIC_RATE_LIMIT', () => {
  it('is 20 reports a minute by default and may be raised (load tests)', () => {
    expect(loadConfig({}).publicRateLimit).toBe(20);
    expect(loadConfig({ JICENG_PUBLIC_RATE_LIMIT: '100000000' }).publicRateLimit).toBe(100_000_000);
  });
  it('refuses anything but a positive integer, naming the variable', () => {
    expect(() => loadConfig({ JICENG_PUBLIC_RATE_LIMIT: '0' })).toThrow(/JICENG_PUBLIC_RATE_LIMIT must be a positive integer, got "0"/);
    expect(() => loadConfig({ JICENG_PUBLIC_RATE_LIMIT: 'lots' })).toThrow(/JICENG_PUBLIC_RATE_LIMIT must be/);
    expect(() => loadConfig({ JICENG_PUBLIC_RATE_LIMIT: '2.5' })).toThrow(/JICENG_PUBLIC_RATE_LIMIT must be/);
  });
});

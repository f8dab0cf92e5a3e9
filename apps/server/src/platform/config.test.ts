import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('JICENG_WORKERS', () => {
  const pg = { DATABASE_URL: 'postgres://x@localhost/y' };
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

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Database } from '../db/client';
import { freshDatabase } from '../test/databases';
import { loadConfig } from './config';

// The real app serving a built web directory of its own (index.html, report.html, sw.js, hashed assets).
describe('cache headers of the built web app (after a deploy no page points to deleted assets)', () => {
  let app: FastifyInstance;
  let database: Database & { drop(): Promise<void> };
  const web = mkdtempSync(path.join(tmpdir(), 'jiceng-web-'));

  beforeAll(async () => {
    mkdirSync(path.join(web, 'assets'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><script type="module" src="/assets/main-AbC123.js"></script>');
    writeFileSync(path.join(web, 'report.html'), '<!doctype html><p>report</p>');
    writeFileSync(path.join(web, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(path.join(web, 'precache.json'), '{"rep":[],"all":[]}');
    writeFileSync(path.join(web, 'assets', 'main-AbC123.js'), 'console.log(1)');
    writeFileSync(path.join(web, 'favicon.svg'), '<svg/>');
    database = await freshDatabase();
    app = await buildApp({ config: { ...loadConfig({}), webDir: web }, database, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(web, { recursive: true, force: true });
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it.each([
    ['/', 'the SPA at the root'],
    ['/my-visits/12', 'a browser-router path'],
    ['/report/530303203211', "the residents' page"],
    ['/r/sometoken', "a contact card's link"],
    ['/index.html', 'index.html asked by name'],
    ['/report.html', 'report.html asked by name'],
    ['/sw.js', 'the service worker script'],
    ['/precache.json', "the service worker's list"],
  ])('%s (%s) answers Cache-Control: no-cache', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('hashed assets are immutable for a year', async () => {
    const res = await get('/assets/main-AbC123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('other files keep a short max-age', async () => {
    const res = await get('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('API answers are not given the static headers', async () => {
    const res = await get('/api/health');
    expect(res.headers['cache-control'] ?? '').not.toContain('immutable');
  });
});

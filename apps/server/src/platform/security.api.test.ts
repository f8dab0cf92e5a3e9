import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { freshLogin } from '../test/factories';
import { useTestApp } from '../test/harness';
import { loadConfig } from './config';
import { APP_CSP } from './security/headers';

const t = useTestApp();
const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const extraApps: FastifyInstance[] = [];
afterAll(async () => {
  for (const app of extraApps) await app.close();
});

/** A second app on the test database with other settings (and, if given, a log stream and an extra route). */
async function appWith(env: NodeJS.ProcessEnv, extra?: { log?: string[]; route?: (app: FastifyInstance) => void }) {
  const stream = new Writable({
    write(chunk, _enc, done) {
      extra?.log?.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    config: { ...loadConfig(env), demo: true },
    database: t.database,
    clock: t.clock,
    logger: extra?.log ? { level: 'info', stream } : false,
  });
  extra?.route?.(app);
  await app.ready();
  extraApps.push(app);
  return app;
}

describe('security headers', () => {
  it('are on API answers, errors and pages alike', async () => {
    const answers = [
      await t.request({ method: 'GET', url: '/api/health' }),
      await t.request({ method: 'GET', url: '/api/no-such-thing' }),
      await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } }),
      await t.request({ method: 'GET', url: '/' }),
      await t.request({ method: 'GET', url: '/r/some-village' }),
    ];
    for (const res of answers) {
      expect(res.headers['content-security-policy'], res.body.slice(0, 80)).toBe(APP_CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).toContain("script-src 'self';");
  });

  it("fit the built web app: its pages run no inline script, which script-src 'self' would block", () => {
    for (const page of ['index.html', 'report.html']) {
      const html = readFileSync(path.join(WEB_DIST, page), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs, page).toMatch(/\bsrc="\/assets\//);
        expect(body?.trim(), page).toBe('');
      }
      expect(html, page).not.toMatch(/\son[a-z]+=/i);
      expect(html, page).not.toMatch(/(src|href)="https?:/);
    }
  });
});

describe('cross-site requests', () => {
  it('refuses state-changing /api requests from another origin; same origin, non-browser clients and Open311 pass', async () => {
    const cookie = await freshLogin(t, 'village');
    const post = (headers: Record<string, string>) =>
      t.request({ method: 'POST', url: '/api/auth/password', cookie, headers, payload: { currentPassword: 'x', newPassword: 'y' } });
    const evil = await post({ origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error).toMatchObject({ code: 'CROSS_ORIGIN', zh: '拒绝来自其他网站的请求（https://evil.example）' });
    expect((await post({ origin: 'null' })).json().error.code).toBe('CROSS_ORIGIN');
    expect((await post({ 'sec-fetch-site': 'cross-site' })).json().error.code).toBe('CROSS_ORIGIN');
    // Our own page (inject addresses the app as localhost:80), and a script with neither header.
    expect((await post({ origin: 'http://localhost:80' })).json().error.code).toBe('PASSWORD_WRONG');
    expect((await post({ 'sec-fetch-site': 'same-origin' })).json().error.code).toBe('PASSWORD_WRONG');
    expect((await post({})).json().error.code).toBe('PASSWORD_WRONG');
    // Reads are not state changes; Open311 clients present API keys, not cookies.
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie, headers: { origin: 'https://evil.example' } })).statusCode).toBe(200);
    const open311 = await t.request({ method: 'POST', url: '/open311/v2/requests.json', headers: { origin: 'https://evil.example' }, payload: {} });
    expect(open311.json().error?.code).not.toBe('CROSS_ORIGIN');
  });
});

describe('text PostgreSQL cannot store', () => {
  it('answers a NUL byte or a lone surrogate anywhere in the body or query with a 400 naming the field, not a 500', async () => {
    const village = await freshLogin(t, 'village');
    const create = (raw: string) =>
      t.request({
        method: 'PATCH',
        url: '/api/users/1',
        cookie: village,
        headers: { 'content-type': 'application/json' },
        payload: `{"displayName":${raw}}`,
      });
    const nul = await create('"张\\u0000三"');
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.details[0]).toMatchObject({ field: 'displayName', en: 'must not contain a NUL character (\\u0000)' });
    const lone = await create('"张\\ud800三"');
    expect(lone.statusCode).toBe(400);
    expect(lone.json().error.details[0]).toMatchObject({ field: 'displayName', zh: '含无效的 Unicode 字符（不成对的代理项）' });
    const query = await t.request({ method: 'GET', url: '/api/users?q=%E5%BC%A0%00', cookie: village });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.field).toBe('q');
    const nested = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"village","password":"x","extra":{"list":["ok","\\u0000"]}}',
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.field).toBe('extra.list.1');
  });
});

describe('request ids', () => {
  it('keeps a short plain x-request-id and replaces a long or strange one', async () => {
    const idOf = async (id: string) => (await t.request({ method: 'GET', url: '/api/nothing', headers: { 'x-request-id': id } })).json().requestId;
    expect(await idOf('req-7f3a.01:2')).toBe('req-7f3a.01:2');
    for (const bad of ['x'.repeat(65), 'a b', '<script>', 'a;b', '"quoted"']) expect(await idOf(bad), bad).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('behind a proxy', () => {
  it('takes the address the configured number of hops from the right of X-Forwarded-For, for rate limits and audit rows', async () => {
    const app = await appWith({ JICENG_TRUST_PROXY_HOPS: '1' });
    const login = (i: number) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '127.0.0.1',
        // An attacker writes anything on the left; the proxy appends the address it saw.
        headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
        payload: { username: 'zoneLeader', password: 'jiceng-demo' },
      });
    const admin = await freshLogin(t, 'admin');
    const first = await login(0);
    expect(first.statusCode).toBe(200);
    const audit = await t.request({ method: 'GET', url: '/api/audit?action=auth.login', cookie: admin });
    expect(audit.json().items[0]).toMatchObject({ ip: '203.0.113.7' });
    expect(audit.json().items.map((r: { ip: string }) => r.ip)).not.toContain('198.51.100.0');
    // The login limit (20 a minute per address and name) counts the real address, whatever the left says.
    const codes: number[] = [];
    for (let i = 1; i <= 20; i++) codes.push((await login(i)).statusCode);
    expect(codes.at(-1)).toBe(429);
    expect(codes.filter((c) => c === 200)).toHaveLength(19);
  });

  it('ignores X-Forwarded-For without a configured proxy', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.44',
      headers: { 'x-forwarded-for': '203.0.113.99' },
      payload: { username: 'township', password: 'jiceng-demo' },
    });
    expect(res.statusCode).toBe(200);
    const audit = await t.request({ method: 'GET', url: '/api/audit?action=auth.login', cookie: await freshLogin(t, 'admin') });
    expect(audit.json().items.map((r: { ip: string }) => r.ip)).toContain('192.0.2.44');
    expect(audit.json().items.map((r: { ip: string }) => r.ip)).not.toContain('203.0.113.99');
  });
});

describe('cookies', () => {
  it('are Secure when configured even over plain http (TLS ended at a proxy), and not by default', async () => {
    const payload = { username: 'township', password: 'jiceng-demo' };
    const plain = await t.request({ method: 'POST', url: '/api/auth/login', payload });
    expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    const app = await appWith({ JICENG_SECURE_COOKIES: '1' });
    const secure = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(String(secure.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(String(secure.headers['set-cookie'])).toMatch(/HttpOnly/i);
  });
});

describe('error logs', () => {
  it('carry no statement parameters, PostgreSQL details, bodies or query strings', async () => {
    const log: string[] = [];
    const app = await appWith(
      {},
      {
        log,
        route: (a) =>
          a.post('/api/boom', { config: { access: 'public' } }, () => {
            const cause = Object.assign(new Error('duplicate key value violates unique constraint "members_id_number"'), {
              code: '23505',
              detail: 'Key (id_number)=(530303199001011234) already exists.',
            });
            throw new DrizzleQueryError(
              'insert into members (name, phone, id_number) values ($1, $2, $3)',
              ['张三', '13812345678', '530303199001011234'],
              cause,
            );
          }),
      },
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/boom?phone=13987654321',
      payload: { name: '张三', phone: '13812345678', idNumber: '530303199001011234' },
    });
    expect(res.statusCode).toBe(500);
    const text = log.join('');
    expect(text).toContain('request failed');
    expect(text).toContain('duplicate key value');
    for (const secret of ['13812345678', '530303199001011234', '13987654321', '张三']) expect(text, secret).not.toContain(secret);
  });
});

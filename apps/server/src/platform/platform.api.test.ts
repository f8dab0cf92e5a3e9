import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { TEST_DB } from '../test/databases';
import { useTestApp } from '../test/harness';
import { type Access, declaredAccess, installAuth } from './auth';
import { loadConfig } from './config';

const t = useTestApp();

describe('the platform', () => {
  it('answers the health check with the database in use', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: TEST_DB });
  });

  it('publishes an OpenAPI 3 document generated from the schemas', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/units/{code}'].get.responses['200']).toBeDefined();
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties.username).toBeDefined();
    const docs = await t.request({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('declares an access level on every API and Open311 route', () => {
    // Fastify's own route list, independent of the hook that records declarations.
    const listed = t.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .flatMap((line) => {
        const m = /── (\S+) \(([A-Z, ]+)\)$/.exec(line);
        return m ? (m[2] as string).split(', ').map((method) => ({ method, url: m[1] as string })) : [];
      })
      .filter((r) => /^\/(api|open311)\//.test(r.url) && !r.url.startsWith('/api/docs'));
    const declared = new Map(declaredAccess(t.app).map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(listed.length).toBeGreaterThan(50);
    expect(listed.some((r) => r.url.startsWith('/open311/'))).toBe(true);
    const undeclared = listed.filter((r) => r.method !== 'HEAD' && !declared.get(`${r.method} ${r.url}`));
    expect(undeclared).toEqual([]);
    expect(declared.get('POST /open311/v2/requests.:format')).toBe('apiKey');
    expect(declared.get('GET /open311/v2/services.:format')).toBe('public');
    expect(declared.get('DELETE /api/units/:code')).toBe('unit:write');
  });

  it('refuses to start with a route that declares no (or a wrong) access level', async () => {
    const attempt = async (url: string, access?: string) => {
      const app = Fastify({ logger: false });
      installAuth(app, t.database, t.clock, loadConfig({}));
      const [prefix, rest] = [url.slice(0, url.indexOf('/', 1)), url.slice(url.indexOf('/', 1))];
      app.register(
        async (p) => {
          p.get(rest, { config: access ? { access: access as Access } : {} }, async () => 'ok');
        },
        { prefix },
      );
      try {
        await app.ready();
        return 'started';
      } catch (err) {
        return (err as Error).message;
      } finally {
        await app.close();
      }
    };
    expect(await attempt('/api/forgotten')).toMatch(/GET \/api\/forgotten declares no access level/);
    expect(await attempt('/open311/v2/forgotten')).toMatch(/declares no access level/);
    expect(await attempt('/api/keyed', 'apiKey')).toMatch(/only Open311/);
    expect(await attempt('/api/typo', 'unit:wirte')).toMatch(/unknown access level/);
    expect(await attempt('/open311/v2/keyed', 'apiKey')).toBe('started');
    expect(await attempt('/api/fine', 'unit:read')).toBe('started');
    expect(await attempt('/static/free')).toBe('started');
  });

  it('chooses the language from Accept-Language, with both messages always present', async () => {
    const zh = await t.request({ method: 'GET', url: '/api/auth/me' });
    const en = await t.request({ method: 'GET', url: '/api/auth/me', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(zh.json().error.message).toBe('请先登录');
    expect(en.json().error.message).toBe('Please log in first');
    expect(en.json().error.zh).toBe('请先登录');
  });

  it('rejects a body that is not JSON, and an unknown route, with catalogue errors', async () => {
    const cookie = await t.login('village');
    const bad = await t.request({ method: 'POST', url: '/api/units', cookie, headers: { 'content-type': 'application/json' }, payload: '{"parentCode":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_JSON', field: 'body' });
    const none = await t.request({ method: 'GET', url: '/api/nowhere' });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});

import { describe, expect, it } from 'vitest';
import { publicReportOut } from '../modules/matters/schemas';
import { DIHE_G1 } from '../test/factories';
import { useTestApp } from '../test/harness';

const t = useTestApp();
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

// Routes under /api that are not API operations: the document itself and its UI.
const NOT_OPERATIONS = [/^\/api\/openapi\.json$/, /^\/api\/docs(\/|$)/];

interface Schema {
  type?: string;
  $ref?: string;
  properties?: object;
  anyOf?: unknown[];
}
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

async function openapi(): Promise<{ paths: Record<string, Record<string, Operation>> }> {
  const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Every method and path the app serves, from fastify's route tree (`:id` written `{id}`, as OpenAPI does). */
function servedRoutes(): string[] {
  const out: string[] = [];
  const parents: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] as string).length / 4;
    const path = (parents[depth - 1] ?? '') + (m[2] as string);
    parents[depth] = path;
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD' && x !== 'OPTIONS')) out.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return out;
}

/** What is wrong with one 2xx response, or null: JSON needs a real schema, anything else its media type. */
function problem(status: string, content: Record<string, { schema?: Schema }> | undefined): string | null {
  if (status === '204') return null;
  const types = Object.entries(content ?? {});
  if (types.length === 0) return 'no content';
  for (const [type, { schema }] of types) {
    if (!schema || (!schema.type && !schema.$ref && !schema.properties && !schema.anyOf)) return `${type} without a schema`;
  }
  return null;
}

describe('the OpenAPI document', () => {
  it('declares what every /api operation answers on success (a JSON schema or a media type)', async () => {
    const doc = await openapi();
    const missing: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(item)) {
        operations++;
        const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        if (ok.length === 0) missing.push(`${method.toUpperCase()} ${path}: no 2xx response`);
        for (const [status, res] of ok) {
          const p = problem(status, res.content);
          if (p) missing.push(`${method.toUpperCase()} ${path} ${status}: ${p}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(operations).toBeGreaterThan(80);
  });

  it('lists every /api route the app serves (none hidden from it)', async () => {
    const doc = await openapi();
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)));
    const served = servedRoutes().filter((r) => {
      const path = r.split(' ')[1] as string;
      return path.startsWith('/api/') && !NOT_OPERATIONS.some((re) => re.test(path));
    });
    expect(served.length).toBeGreaterThan(80);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('documents binary answers by their media types', async () => {
    const doc = await openapi();
    const content = (path: string) => Object.keys(doc.paths[path]?.get?.responses?.['200']?.content ?? {});
    expect(content('/api/households/export')).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(content('/api/cards')).toEqual(['text/html']);
    expect(content('/api/matters/{id}/photos/{photoId}')).toEqual(['image/jpeg', 'image/png', 'image/webp']);
  });

  it("answers a resident's report with exactly the documented fields (its serializer skips zod)", async () => {
    const doc = await openapi();
    const documented = doc.paths['/api/public/matters']?.post?.responses?.['201']?.content?.['application/json']?.schema;
    const res = await t.request({
      method: 'POST',
      url: '/api/public/matters',
      payload: { unitCode: DIHE_G1, categoryCode: 'infrastructure', description: '路灯坏了', photo: PNG.toString('base64') },
      remoteAddress: '10.9.8.7',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(Object.keys(documented?.properties ?? {}).sort());
    expect(publicReportOut.strict().parse(body)).toEqual(body);

    // A documented binary answer is still sent as its bytes, not serialized.
    const cookie = await t.login('district');
    const queue = (await t.request({ method: 'GET', url: '/api/matters/queue', cookie })).json();
    const id = queue.items.find((m: { trackingCode: string }) => m.trackingCode === body.trackingCode).id;
    const detail = (await t.request({ method: 'GET', url: `/api/matters/${id}`, cookie })).json();
    const photo = await t.request({ method: 'GET', url: detail.photos[0].url, cookie });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
  });
});

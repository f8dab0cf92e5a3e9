import { MATTER_ACTIONS } from '@jiceng/shared';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';

const t = useTestApp();
const GROUP = '5303032032110101'; // 地河一组

interface JsonSchema {
  $ref?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  discriminator?: { propertyName: string };
  properties?: Record<string, JsonSchema & { enum?: unknown[]; const?: unknown }>;
  required?: string[];
}

async function report(): Promise<{ id: number; version: number }> {
  const res = await t.request({
    method: 'POST',
    url: '/api/matters',
    cookie: await t.login('representative'),
    payload: { unitCode: GROUP, categoryCode: 'infrastructure', description: '组里路灯坏了三盏，晚上看不见路' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const actions = async (id: number, payload: object, user = 'village', lang = 'zh-CN') =>
  t.request({ method: 'POST', url: `/api/matters/${id}/actions`, cookie: await t.login(user), payload, headers: { 'accept-language': lang } });

describe('POST /api/matters/:id/actions: one body, a union of every action', () => {
  it('is a oneOf with a discriminator on action in the OpenAPI document, one option per action', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const body = doc.paths['/api/matters/{id}/actions'].post.requestBody.content['application/json'].schema as JsonSchema;
    expect(body.discriminator?.propertyName).toBe('action');
    const options = body.oneOf ?? [];
    const named = options.map((o) => {
      const a = o.properties?.action;
      expect(o.required).toEqual(expect.arrayContaining(['action', 'version']));
      return a?.const ?? a?.enum?.[0];
    });
    expect([...named].sort()).toEqual([...MATTER_ACTIONS].sort());
    // Each option carries its own payload: escalate needs a reason, transfer a target too.
    const of = (name: string) => options.find((o) => (o.properties?.action?.const ?? o.properties?.action?.enum?.[0]) === name);
    expect(of('escalate')?.required).toContain('reason');
    expect(of('transfer')?.required).toEqual(expect.arrayContaining(['targetUnitCode', 'reason']));
    expect(Object.keys(of('accept')?.properties ?? {}).sort()).toEqual(['action', 'note', 'version']);
  });

  it('takes an action named in the body, and keeps the version check', async () => {
    const m = await report();
    const accepted = await actions(m.id, { action: 'accept', version: m.version, note: '村里来处理' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ id: m.id, state: 'accepted', version: m.version + 1 });
    const stale = await actions(m.id, { action: 'resolve', version: m.version, result: '已更换灯泡' });
    expect(stale.statusCode, stale.body).toBe(409);
    const resolved = await actions(m.id, { action: 'resolve', version: m.version + 1, result: '已更换灯泡' });
    expect(resolved.json()).toMatchObject({ state: 'resolved' });
  });

  it("refuses a payload that is not its action's, naming the field in Chinese and English", async () => {
    const m = await report();
    const noReason = await actions(m.id, { action: 'closeUnresolved', version: m.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(noReason.json().error.details[0].zh).toContain('未解决原因');
    const en = await actions(m.id, { action: 'transfer', version: m.version, reason: '不归本村管' }, 'village', 'en');
    expect(en.json().error).toMatchObject({ code: 'VALIDATION', field: 'targetUnitCode' });
    expect(en.json().error.message).toMatch(/[A-Za-z]/);
    const unknown = await actions(m.id, { action: 'explode', version: m.version });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION', field: 'action' });
    const noVersion = await actions(m.id, { action: 'accept' });
    expect(noVersion.json().error).toMatchObject({ code: 'VALIDATION', field: 'version' });
  });

  it('asks the same permission as the per-action route (dispatch needs matter:dispatch)', async () => {
    const m = await report();
    const res = await actions(m.id, { action: 'dispatch', version: m.version, leadDepartmentId: 1 }, 'representative');
    expect(res.statusCode, res.body).toBe(403);
    // The per-action route still answers as before, the path's action joining the body.
    const old = await t.request({
      method: 'POST',
      url: `/api/matters/${m.id}/actions/accept`,
      cookie: await t.login('village'),
      payload: { version: m.version, action: 'resolve' },
    });
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json().state).toBe('accepted');
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';

const t = useTestApp();
const GROUP = '5303032032110101';
const VILLAGE = '530303203211';
let key = '';
let villageKey = '';
let ip = 1;
const from = () => ({ remoteAddress: `10.9.0.${ip++}` });

function form(body: Record<string, string>) {
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(body).toString() };
}

describe('Open311 GeoReport v2', () => {
  it('issues API keys to holders of matter:config, shown once and stored hashed', async () => {
    const district = await t.login('district');
    const res = await t.request({ method: 'POST', url: '/api/api-keys', cookie: district, payload: { name: '12345 热线', unitCode: '530303' } });
    expect(res.statusCode).toBe(201);
    key = res.json().key;
    expect(key).toMatch(/^jc_/);
    const v = await t.request({ method: 'POST', url: '/api/api-keys', cookie: district, payload: { name: '地河村网格平台', unitCode: VILLAGE } });
    villageKey = v.json().key;
    const list = await t.request({ method: 'GET', url: '/api/api-keys', cookie: district });
    expect(list.body).not.toContain(key);
    expect(list.json()[0].keyPrefix).toBe(key.slice(0, 7));
    const village = await t.login('village');
    expect((await t.request({ method: 'GET', url: '/api/api-keys', cookie: village })).statusCode).toBe(403);
  });

  it('lists services in JSON and XML from the category catalogue', async () => {
    const json = await t.request({ method: 'GET', url: '/open311/v2/services.json' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    const infra = json.json().find((s: { service_code: string }) => s.service_code === 'infrastructure');
    expect(infra).toMatchObject({ service_name: '基础设施', metadata: false, type: 'realtime' });
    const xml = await t.request({ method: 'GET', url: '/open311/v2/services.xml' });
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>/);
    expect(xml.body).toContain('<service_code>infrastructure</service_code><service_name>基础设施</service_name>');
    const def = await t.request({ method: 'GET', url: '/open311/v2/services/safety.json' });
    expect(def.json()).toEqual({ service_code: 'safety', attributes: [] });
    const defXml = await t.request({ method: 'GET', url: '/open311/v2/services/safety.xml' });
    expect(defXml.body).toContain('<service_definition><service_code>safety</service_code><attributes/></service_definition>');
    const missing = await t.request({ method: 'GET', url: '/open311/v2/services/nope.json' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: 'service_code not found: nope' }]);
    const bad = await t.request({ method: 'GET', url: '/open311/v2/services.csv' });
    expect(bad.statusCode).toBe(400);
  });

  let requestId = '';
  let trackingCode = '';
  it('takes a form-encoded report and a JSON one, as reporter kind api', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/open311/v2/requests.json',
      ...form({
        api_key: key,
        service_code: 'infrastructure',
        address_id: GROUP,
        description: '12345 转来：地河一组村口路灯不亮，联系电话 13908745678',
        first_name: '三',
        last_name: '张',
        phone: '13908745678',
      }),
      ...from(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const [created] = res.json();
    // A public id, not the tracking code; the client that filed it gets the resident's receipt once.
    expect(created.service_request_id).toMatch(/^[0-9a-z]{26}$/);
    expect(created.tracking_code).toMatch(/^[0-9A-Z]{10}$/);
    expect(created.service_notice).toContain('已受理');
    requestId = created.service_request_id;
    trackingCode = created.tracking_code;
    const stored = await t.database.db.execute(sql`select reporter_kind, reporter_name, lat from matters where tracking_code = ${trackingCode}`);
    expect((stored as unknown as { rows: unknown[] }).rows[0]).toEqual({ reporter_kind: 'api', reporter_name: '张三', lat: null });
    const events = await t.database.db.execute(
      sql`select e.actor_kind from matter_events e join matters m on m.id = e.matter_id where m.tracking_code = ${trackingCode}`,
    );
    expect((events as unknown as { rows: unknown[] }).rows).toEqual([{ actor_kind: 'api' }]);

    const xml = await t.request({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      payload: { api_key: villageKey, service_code: 'environment', lat: 25.6, long: 103.8, description: '垃圾池满了没人清运' },
      ...from(),
    });
    expect(xml.statusCode, xml.body).toBe(201);
    expect(xml.body).toMatch(/<service_requests><request><service_request_id>[0-9a-z]{26}<\/service_request_id><service_notice>/);
  });

  it('answers spec errors for missing fields and bad keys, in JSON and XML', async () => {
    const noKey = await t.request({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { service_code: 'infrastructure', address_id: GROUP, description: 'x' },
      ...from(),
    });
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: 'api_key is required' }]);
    const badKey = await t.request({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      ...form({ api_key: 'jc_wrong', service_code: 'infrastructure', address_id: GROUP, description: 'x' }),
      ...from(),
    });
    expect(badKey.statusCode).toBe(403);
    expect(badKey.body).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>403</code><description>api_key is invalid or revoked</description></error></errors>',
    );
    const cases: [Record<string, unknown>, number, string][] = [
      [{ address_id: GROUP, description: '路灯坏了' }, 400, 'service_code is required'],
      [{ service_code: 'infrastructure', address_id: GROUP }, 400, 'description is required'],
      [{ service_code: 'infrastructure', description: '路灯坏了' }, 400, 'a location is required: lat and long, address_string or address_id'],
      [{ service_code: 'infrastructure', lat: 25.6, description: '路灯坏了' }, 400, 'lat and long must be given together'],
      [{ service_code: 'infrastructure', lat: 125.6, long: 1, description: '路灯坏了' }, 400, 'lat must be a number between -90 and 90'],
      [{ service_code: 'nope', address_id: GROUP, description: '路灯坏了' }, 404, 'service_code not found: nope'],
      [
        { service_code: 'infrastructure', address_string: '地河村', description: '路灯坏了' },
        400,
        'address_id (a village, zone or group code) is required for this api_key',
      ],
      [
        { service_code: 'infrastructure', address_id: '530303203201', description: '路灯坏了', key: 'village' },
        403,
        "address_id is outside the api_key's area",
      ],
    ];
    for (const [body, code, description] of cases) {
      const { key: which, ...rest } = body;
      const res = await t.request({
        method: 'POST',
        url: '/open311/v2/requests.json',
        payload: { api_key: which === 'village' ? villageKey : key, ...rest },
        ...from(),
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(code);
      expect(res.json()).toEqual([{ code, description }]);
    }
  });

  it('lists and fetches requests with filters, masking phone numbers', async () => {
    const all = await t.request({ method: 'GET', url: '/open311/v2/requests.json' });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toHaveLength(2);
    expect(all.body).not.toContain('13908745678');
    const one = await t.request({ method: 'GET', url: `/open311/v2/requests/${requestId}.json` });
    expect(one.json()[0]).toMatchObject({
      service_request_id: requestId,
      status: 'open',
      service_code: 'infrastructure',
      service_name: '基础设施',
      address: '地河村 第一片 地河一组',
      address_id: GROUP,
      requested_datetime: '2026-01-05T01:00:00.000Z',
    });
    const byCode = await t.request({ method: 'GET', url: '/open311/v2/requests.json?service_code=environment' });
    expect(byCode.json().map((r: { service_code: string }) => r.service_code)).toEqual(['environment']);
    const closed = await t.request({ method: 'GET', url: '/open311/v2/requests.json?status=closed' });
    expect(closed.json()).toEqual([]);
    const early = await t.request({ method: 'GET', url: '/open311/v2/requests.json?end_date=2026-01-01T00:00:00Z' });
    expect(early.json()).toEqual([]);
    const xml = await t.request({ method: 'GET', url: `/open311/v2/requests.xml?service_request_id=${requestId}` });
    expect(xml.body).toContain(`<service_requests><request><service_request_id>${requestId}</service_request_id><status>open</status>`);
    const badStatus = await t.request({ method: 'GET', url: '/open311/v2/requests.json?status=pending' });
    expect(badStatus.json()).toEqual([{ code: 400, description: 'status must be open or closed' }]);
    const badDate = await t.request({ method: 'GET', url: '/open311/v2/requests.xml?start_date=yesterday' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('<errors><error><code>400</code>');
    const gone = await t.request({ method: 'GET', url: '/open311/v2/requests/ZZZZZZZZZZ.json' });
    expect(gone.statusCode).toBe(404);
    const token = await t.request({ method: 'GET', url: `/open311/v2/tokens/${requestId}.json` });
    expect(token.json()).toEqual([{ service_request_id: requestId, token: requestId }]);
    // Upper case (as people retype it) names the same request.
    expect((await t.request({ method: 'GET', url: `/open311/v2/requests/${requestId.toUpperCase()}.json` })).json()[0].service_request_id).toBe(requestId);
    const unknown = await t.request({ method: 'GET', url: '/open311/v2/nothing.xml' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<errors><error><code>404</code>');
  });

  it('never publishes a tracking code, nor answers to one or to an internal id', async () => {
    const all = await t.request({ method: 'GET', url: '/open311/v2/requests.json' });
    const xml = await t.request({ method: 'GET', url: '/open311/v2/requests.xml' });
    const codes = await t.database.db.execute(sql`select id, tracking_code from matters`);
    const rows = (codes as unknown as { rows: { id: number | string; tracking_code: string }[] }).rows;
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      expect(all.body).not.toContain(r.tracking_code);
      expect(xml.body).not.toContain(r.tracking_code);
    }
    for (const item of all.json() as { service_request_id: string }[]) expect(item.service_request_id).toMatch(/^[0-9a-z]{26}$/);
    // The receipt and the internal id find nothing through the public reads.
    expect((await t.request({ method: 'GET', url: `/open311/v2/requests/${trackingCode}.json` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/open311/v2/requests.json?service_request_id=${trackingCode}` })).json()).toEqual([]);
    expect((await t.request({ method: 'GET', url: `/open311/v2/requests/${rows[0]?.id}.json` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/open311/v2/tokens/${trackingCode}.json` })).statusCode).toBe(404);
    // A public id is no receipt: the resident's routes do not take it.
    const rate = await t.request({
      method: 'POST',
      url: `/api/public/matters/${requestId}/reopen`,
      payload: { reason: '没修好' },
      remoteAddress: '10.9.1.1',
    });
    expect(rate.statusCode).toBeGreaterThanOrEqual(400);
    expect(rate.statusCode).toBeLessThan(500);
    expect((await t.request({ method: 'GET', url: `/api/public/matters/${requestId}` })).statusCode).not.toBe(200);
    // A forged id (one changed character) is refused.
    const forged = `${requestId.slice(0, 10)}${requestId[10] === '0' ? '1' : '0'}${requestId.slice(11)}`;
    expect((await t.request({ method: 'GET', url: `/open311/v2/requests/${forged}.json` })).statusCode).toBe(404);
  });

  it('masks phones and ID numbers typed into descriptions, full-width ones too', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        api_key: key,
        service_code: 'infrastructure',
        address_id: GROUP,
        description: '低保申请，身份证530303199001011234，电话１３９ ０８７４ ５６７８，座机0874-3012345',
      },
      ...from(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const [one] = (await t.request({ method: 'GET', url: `/open311/v2/requests/${res.json()[0].service_request_id}.json` })).json();
    expect(one.description).toContain('低保申请');
    for (const secret of ['19900101', '0874 5678', '１３９', '3012345', '1234']) expect(one.description).not.toContain(secret);
  });

  it('stops answering a revoked key and rate-limits one address', async () => {
    const district = await t.login('district');
    const keys = (await t.request({ method: 'GET', url: '/api/api-keys', cookie: district })).json();
    const revoked = await t.request({ method: 'DELETE', url: `/api/api-keys/${keys[1].id}`, cookie: district });
    expect(revoked.statusCode).toBe(204);
    const refused = await t.request({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { api_key: villageKey, service_code: 'environment', lat: 25.6, long: 103.8, description: 'x' },
      ...from(),
    });
    expect(refused.statusCode).toBe(403);
    const codes: number[] = [];
    for (let i = 0; i < 22; i++)
      codes.push((await t.request({ method: 'POST', url: '/open311/v2/requests.json', payload: {}, remoteAddress: '10.9.9.9' })).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 403)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

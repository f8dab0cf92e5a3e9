import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';

const t = useTestApp();

const GROUP = '5303032032110101'; // 地河一组
const VILLAGE = '530303203211';
const PHONE = '13908741234';
const ID_NUMBER = '530303199001011234';
const TEXT = `自来水管道老化漏水严重，请联系我${PHONE}，身份证${ID_NUMBER}`;

// biome-ignore lint/suspicious/noExplicitAny: answers read loosely in tests; the schemas are checked by the server
type Json = Record<string, any>;
let ipN = 1;

async function report(description: string): Promise<{ id: number; trackingCode: string }> {
  const res = await t.request({
    method: 'POST',
    url: '/api/public/matters',
    payload: { unitCode: GROUP, categoryCode: 'utilities', description, reporterPhone: '13908749999' },
    remoteAddress: `10.9.2.${ipN++}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  const { trackingCode } = res.json();
  const rows = await t.database.db.execute(sql`select id from matters where tracking_code = ${trackingCode}`);
  return { id: Number((rows as unknown as { rows: { id: number }[] }).rows[0]?.id), trackingCode };
}
const get = async (user: string, url: string) => t.request({ method: 'GET', url, cookie: await t.login(user) });
async function act(user: string, id: number, action: string, payload: Json = {}) {
  const { version } = (await get('district', `/api/matters/${id}`)).json();
  const res = await t.request({ method: 'POST', url: `/api/matters/${id}/actions/${action}`, cookie: await t.login(user), payload: { version, ...payload } });
  expect(res.statusCode, res.body).toBe(200);
}
const queueIds = async (user: string) => (await get(user, '/api/matters/queue?limit=100')).json().items.map((m: Json) => m.id);

describe('the read policy on every list and look-up', () => {
  it('a department reaches a matter through no list or look-up until it is dispatched to it', async () => {
    const { id, trackingCode } = await report(TEXT);
    const reach = async () => ({
      queue: (await queueIds('department')).includes(id),
      detail: (await get('department', `/api/matters/${id}`)).statusCode,
      photo: (await get('department', `/api/matters/${id}/photos/1`)).statusCode,
      targets: (await get('department', `/api/matters/${id}/transfer-targets`)).statusCode,
      similar: (
        await t.request({ method: 'POST', url: '/api/matters/similar', cookie: await t.login('department'), payload: { unitCode: VILLAGE, text: TEXT } })
      ).json().length,
    });
    // Transfer targets are refused by role (a department never transfers), the same for any id.
    expect(await reach()).toEqual({ queue: false, detail: 404, photo: 404, targets: 403, similar: 0 });
    const detail = await get('department', `/api/matters/${id}`);
    expect(detail.json().error.code).toBe('MATTER_NOT_FOUND');
    expect(detail.body).not.toContain(trackingCode);
    // Counts and exports are not the department's: no metrics permission at all.
    expect((await get('department', `/api/metrics/matters?unitCode=${VILLAGE}`)).statusCode).toBe(403);
    expect((await get('department', `/api/metrics/matters/export.xlsx?unitCode=${VILLAGE}`)).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/matters/${id}/reveal-contacts`, cookie: await t.login('department') })).statusCode).toBe(403);

    await act('village', id, 'accept');
    await act('village', id, 'escalate', { reason: '需要部门处理' });
    await act('township', id, 'accept');
    const depts = (await get('district', '/api/departments')).json();
    await act('township', id, 'dispatch', { leadDepartmentId: depts.find((d: Json) => d.name === '区住房和城乡建设局').id });
    const after = await reach();
    expect(after).toMatchObject({ queue: true, detail: 200, similar: 1 });
    // Still masked for the department: it may not reveal.
    const seen = await get('department', `/api/matters/${id}`);
    expect(seen.body).not.toContain(PHONE);
    expect(seen.body).not.toContain('19900101');
  });

  it('phones and ID numbers typed into a description are masked in the detail, the queue and the similar list', async () => {
    const { id } = await report(TEXT);
    for (const user of ['groupLeader', 'representative', 'village', 'township']) {
      const detail = await get(user, `/api/matters/${id}`);
      expect(detail.statusCode, `${user}: ${detail.body}`).toBe(200);
      expect(detail.json().description).toContain('自来水管道老化漏水严重');
      expect(detail.json().textsMasked).toBe(true);
      const queue = await get(user, `/api/matters/queue?unitCode=${GROUP}&limit=100`);
      const similar = await t.request({ method: 'POST', url: '/api/matters/similar', cookie: await t.login(user), payload: { unitCode: GROUP, text: TEXT } });
      expect(similar.json().map((h: Json) => h.id)).toContain(id);
      for (const body of [detail.body, queue.body, similar.body]) {
        expect(body).not.toContain(PHONE);
        expect(body).not.toContain(ID_NUMBER);
        expect(body).not.toContain('19900101');
      }
    }
    // The audited reveal gives the text as written to those who may reveal.
    const revealed = await t.request({ method: 'POST', url: `/api/matters/${id}/reveal-contacts`, cookie: await t.login('village') });
    expect(revealed.json().texts.description).toBe(TEXT);
  });

  it("the resident page's similar answer names neither the tracking code nor the internal id", async () => {
    const { id, trackingCode } = await report('村口桥头的路灯坏了好几天，晚上看不见路');
    const res = await t.request({
      method: 'POST',
      url: '/api/public/matters/similar',
      payload: { unitCode: GROUP, text: '村口桥头路灯坏了，晚上看不见' },
      remoteAddress: '10.9.3.1',
    });
    expect(res.statusCode, res.body).toBe(200);
    const hits = res.json() as Json[];
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h).not.toHaveProperty('id');
      expect(h.followToken).toMatch(/^[0-9a-z]{26}$/);
      expect(h.followToken.startsWith(String(id))).toBe(false);
      expect(h.followToken).not.toContain(`${id}.`);
    }
    expect(res.body).not.toContain(trackingCode);
    // The token follows; the tracking code's routes (rating, reopening) do not take it.
    const token = hits[0]?.followToken as string;
    const follow = await t.request({
      method: 'POST',
      url: '/api/public/matters/follow',
      payload: { followToken: token, phone: '13900002222' },
      remoteAddress: '10.9.3.2',
    });
    expect(follow.statusCode, follow.body).toBe(200);
    const reopen = await t.request({ method: 'POST', url: `/api/public/matters/${token}/reopen`, payload: { reason: '没修好' }, remoteAddress: '10.9.3.3' });
    expect([400, 404]).toContain(reopen.statusCode);
    expect((await get('district', `/api/matters/${id}`)).json().followerCount).toBe(2);
  });
});

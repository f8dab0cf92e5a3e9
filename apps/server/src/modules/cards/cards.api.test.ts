import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';

const t = useTestApp();
const GROUP = '5303032032110101';
const VILLAGE = '530303203211';

describe('contact cards (民情联心卡)', () => {
  it('prints each household with its representative, leaders, hotline and a QR of its report link', async () => {
    const cookie = await t.login('village');
    const created = await t.request({
      method: 'POST',
      url: '/api/households',
      cookie,
      payload: { unitCode: GROUP, address: '地河村一组 12 号', residents: [{ name: '赵大山', relation: '户主', phone: '13800001111' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const householdId = created.json().id as number;
    const other = await t.request({
      method: 'POST',
      url: '/api/households',
      cookie,
      payload: { unitCode: GROUP, address: '地河村一组 13 号', residents: [{ name: '钱小河', relation: '户主' }] },
    });
    expect(other.statusCode).toBe(201);
    const reps = (await t.request({ method: 'GET', url: '/api/users?role=representative', cookie })).json();
    const rep = (reps.items ?? reps)[0];
    const linked = await t.request({ method: 'PUT', url: `/api/linkage/${householdId}`, cookie, payload: { representativeUserId: rep.id } });
    expect(linked.statusCode, linked.body).toBe(200);
    const hotline = await t.request({ method: 'PUT', url: '/api/cards/hotline', cookie, payload: { unitCode: VILLAGE, hotline: '0874-3111111' } });
    expect(hotline.statusCode, hotline.body).toBe(200);

    const res = await t.request({ method: 'GET', url: `/api/cards?unitCode=${GROUP}`, cookie });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('@page { size: A4');
    expect(html.match(/<section class="card">/g)).toHaveLength(2);
    expect(html.match(/<svg[^>]*>/g)?.length).toBe(2);
    for (const s of [
      '赵大山',
      '地河村一组 12 号',
      '王代表',
      '13908740004',
      '李组长',
      '13908740003',
      '张片长',
      '13908740002',
      '0874-3111111',
      '地河村 · 第一片 · 地河一组',
    ])
      expect(html).toContain(s);
    expect(html).not.toContain('13800001111'); // the household's own phone is not printed
    // The first card's link carries a token that names that household.
    const tokens = [...html.matchAll(/\/r\/([0-9a-z]+\.[A-Za-z0-9_-]{16})</g)].map((m) => m[1]);
    expect(tokens).toHaveLength(2);
    const where = await t.request({ method: 'GET', url: `/api/public/report-token/${tokens[0]}` });
    expect(where.statusCode).toBe(200);
    expect(where.json().unitCode).toBe(GROUP);
    const link = await t.request({ method: 'GET', url: `/api/matters/report-link?householdId=${householdId}`, cookie });
    expect(link.json().token).toBe(tokens[0]);
    // The second household has no representative yet: the card says so instead of leaving a gap.
    expect(html).toContain('（暂无）');
  });

  it('refuses other villages, wrong levels, and roles without household access', async () => {
    const cookie = await t.login('village');
    expect((await t.request({ method: 'GET', url: '/api/cards?unitCode=530303203201', cookie })).statusCode).toBe(403);
    const township = await t.request({ method: 'GET', url: '/api/cards?unitCode=530303203', cookie });
    expect(township.statusCode).toBe(400);
    expect(township.json().error.details[0].field).toBe('unitCode');
    const dept = await t.login('department');
    expect((await t.request({ method: 'GET', url: `/api/cards?unitCode=${GROUP}`, cookie: dept })).statusCode).toBe(403);
    const audit = await t.request({ method: 'GET', url: '/api/audit?action=cards.print', cookie: await t.login('district') });
    expect(audit.json().items[0]).toMatchObject({ action: 'cards.print', unitCode: GROUP });
  });

  it('reads a village hotline for the settings page, set or cleared, and only per village in scope', async () => {
    const cookie = await t.login('village');
    const url = `/api/cards/hotline?unitCode=${VILLAGE}`;
    await t.request({ method: 'PUT', url: '/api/cards/hotline', cookie, payload: { unitCode: VILLAGE, hotline: '0874-3222222' } });
    expect((await t.request({ method: 'GET', url, cookie })).json()).toEqual({ unitCode: VILLAGE, hotline: '0874-3222222' });
    await t.request({ method: 'PUT', url: '/api/cards/hotline', cookie, payload: { unitCode: VILLAGE, hotline: null } });
    expect((await t.request({ method: 'GET', url, cookie })).json()).toEqual({ unitCode: VILLAGE, hotline: null });
    const zone = await t.request({ method: 'GET', url: `/api/cards/hotline?unitCode=${GROUP.slice(0, 14)}`, cookie });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.field).toBe('unitCode');
    expect((await t.request({ method: 'GET', url: '/api/cards/hotline?unitCode=530303203201', cookie })).statusCode).toBe(403);
    const dept = await t.login('department');
    expect((await t.request({ method: 'GET', url, cookie: dept })).statusCode).toBe(403);
  });

  it('refuses a hotline no one could dial, naming the field in both languages, and keeps the old one', async () => {
    const cookie = await t.login('village');
    const put = (hotline: unknown) => t.request({ method: 'PUT', url: '/api/cards/hotline', cookie, payload: { unitCode: VILLAGE, hotline } });
    expect((await put('(0874)301-2345 转 8')).statusCode).toBe(200);
    for (const bad of ['abc<script>', '请拨打村委会', '--', '0874-30123456789012345678901234']) {
      const res = await put(bad);
      expect(res.statusCode, bad).toBe(400);
      const { error } = res.json();
      expect(error.field, bad).toBe('hotline');
      expect(error.zh, bad).toMatch(/热线/);
      expect(error.en, bad).toMatch(/digits|characters/);
    }
    // A wrong type is told in each language, with what came instead.
    const wrong = (await put(12345)).json().error;
    expect(wrong.zh).toMatch(/^输入有误：hotline: 无效输入：期望 string，实际接收 数字/);
    expect(wrong.en).toMatch(/expected string, received number/);
    const now = await t.request({ method: 'GET', url: `/api/cards/hotline?unitCode=${VILLAGE}`, cookie });
    expect(now.json().hotline).toBe('(0874)301-2345 转 8');
  });
});

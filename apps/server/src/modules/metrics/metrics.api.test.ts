import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';

const t = useTestApp();
const GROUP = '5303032032110101';
const GROUP_ZONE2 = '5303032032110201';
const VILLAGE = '530303203211';
const H = 3_600_000;
let ip = 1;

// The clock jumps days ahead here, past the sessions: log in again after each jump (not per
// request: logins are rate-limited per address).
const cookies = new Map<string, string>();
function jump(to: number) {
  t.clock.set(new Date(to));
  cookies.clear();
}
async function login(user: string): Promise<string> {
  const cached = cookies.get(user);
  if (cached) return cached;
  const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: user, password: 'jiceng-demo' } });
  const raw = res.headers['set-cookie'];
  const cookie = ((Array.isArray(raw) ? raw[0] : raw) ?? '').split(';')[0] as string;
  cookies.set(user, cookie);
  return cookie;
}

async function report(unitCode = GROUP): Promise<{ id: number; trackingCode: string }> {
  const res = await t.request({
    method: 'POST',
    url: '/api/matters',
    cookie: await login('village'),
    payload: { unitCode, categoryCode: 'infrastructure', description: '测试诉求' },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function act(id: number, action: string, body: Record<string, unknown> = {}) {
  const cookie = await login('village');
  const { version } = (await t.request({ method: 'GET', url: `/api/matters/${id}`, cookie })).json();
  const res = await t.request({ method: 'POST', url: `/api/matters/${id}/actions/${action}`, cookie, payload: { version, ...body } });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}

async function rate(code: string, satisfaction: string, fixed: string) {
  const res = await t.request({ method: 'POST', url: `/api/public/matters/${code}/rating`, payload: { satisfaction, fixed }, remoteAddress: `10.7.0.${ip++}` });
  expect(res.statusCode, res.body).toBe(200);
}

async function answer(id: number) {
  await act(id, 'resolve', { result: '已修复' });
  await act(id, 'feedback', { message: '已修复，请查看' });
}

describe('matter metrics', () => {
  it('computes each rate as the hand count says', async () => {
    const start = t.clock.now().getTime();
    const [A, B, C, D, E, F, G, Hm] = [
      await report(),
      await report(),
      await report(),
      await report(),
      await report(),
      await report(),
      await report(),
      await report(GROUP_ZONE2),
    ];
    // +1 h: A answered, rated satisfied and closed; C settled on the spot; F and G accepted in time.
    jump(start + H);
    await act(A!.id, 'accept');
    await answer(A!.id);
    await rate(A!.trackingCode, 'satisfied', 'fixed');
    await act(A!.id, 'close');
    await act(C!.id, 'settleOnSpot', { result: '当场解决' });
    await act(F!.id, 'accept');
    await act(G!.id, 'accept');
    // +2 h: E accepted and closed unresolved; F answered and rated unsatisfied (reopens it).
    jump(start + 2 * H);
    await act(E!.id, 'accept');
    await act(E!.id, 'closeUnresolved', { reason: '不属于本村职责，已告知' });
    await answer(F!.id);
    await rate(F!.trackingCode, 'unsatisfied', 'not_fixed');
    // +30 h: B accepted late (24 h to respond), answered and rated "basic".
    jump(start + 30 * H);
    await act(B!.id, 'accept');
    await answer(B!.id);
    await rate(B!.trackingCode, 'basic', 'fixed');
    // +8 days: G resolved after its 7-day limit. D and H were never touched.
    jump(start + 8 * 24 * H);
    await act(G!.id, 'resolve', { result: '迟到的修复' });
    expect([D, Hm].every(Boolean)).toBe(true);

    const res = await t.request({ method: 'GET', url: `/api/metrics/matters?unitCode=${VILLAGE}`, cookie: await login('village') });
    expect(res.statusCode, res.body).toBe(200);
    const { total, rows } = res.json();
    // Responded in time: A, C (on the spot), E, F, G of all 8 due (B late, D and H never).
    expect(total.response).toEqual({ num: 5, den: 8, rate: 0.625 });
    // Closed: A (resolved) and E (unresolved).
    expect(total.resolution).toEqual({ num: 1, den: 2, rate: 0.5 });
    // Rated: A satisfied, B basic, F unsatisfied.
    expect(total.satisfaction).toEqual({ num: 2, den: 3, rate: 0.6667 });
    // Resolved: A, B, C, F in time; G late.
    expect(total.onTime).toEqual({ num: 4, den: 5, rate: 0.8 });
    // Answered: A, B, F; F was reopened.
    expect(total.reopen).toEqual({ num: 1, den: 3, rate: 0.3333 });
    // Settled with a level: A, B, C, G at the village (F's level was cleared by its reopening).
    expect(total.settledInVillage).toEqual({ num: 4, den: 4, rate: 1 });
    expect(total.settledInTownship).toEqual({ num: 4, den: 4, rate: 1 });
    expect(rows.map((r: { key: string; name: string }) => [r.key, r.name])).toEqual([
      ['53030320321101', '第一片'],
      ['53030320321102', '第二片'],
    ]);
    expect(rows[1].response).toEqual({ num: 0, den: 1, rate: 0 });
    expect(rows[1].satisfaction).toEqual({ num: 0, den: 0, rate: null });
  });

  it('groups by month and by nothing-dispatched department, and keeps to the actor’s subtree', async () => {
    const cookie = await login('district');
    const months = await t.request({ method: 'GET', url: `/api/metrics/matters?unitCode=${VILLAGE}&groupBy=month&from=2025-12-01&to=2026-03-01`, cookie });
    expect(months.statusCode, months.body).toBe(200);
    expect(months.json().rows.map((r: { key: string }) => r.key)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(months.json().rows[1].response).toEqual({ num: 5, den: 8, rate: 0.625 });
    expect(months.json().rows[0].response.den).toBe(0);
    const depts = await t.request({ method: 'GET', url: '/api/metrics/matters?unitCode=530303&groupBy=department&from=2026-01-01&to=2026-02-01', cookie });
    expect(depts.json().rows).toEqual([]);
    expect(depts.json().total.response.den).toBe(8);
    const other = await t.request({ method: 'GET', url: '/api/metrics/matters?unitCode=530303203201', cookie: await login('village') });
    expect(other.statusCode).toBe(403);
    const rep = await t.request({ method: 'GET', url: '/api/metrics/matters', cookie: await login('representative') });
    expect(rep.statusCode).toBe(403);
    const bad = await t.request({ method: 'GET', url: `/api/metrics/matters?unitCode=${VILLAGE}&from=soon`, cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('from');
  });

  it('exports a real xlsx with the same counts', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/metrics/matters/export.xlsx?unitCode=${VILLAGE}&from=2026-01-01&to=2026-02-01`,
      cookie: await login('village'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('诉求指标');
    expect(ws?.getRow(3).getCell(3).value).toBe('响应率');
    const totalRow = ws?.getRow(6);
    expect(totalRow?.getCell(1).value).toBe('合计');
    expect([totalRow?.getCell(3).value, totalRow?.getCell(4).value, totalRow?.getCell(5).value]).toEqual([0.625, 5, 8]);
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runJobOnce } from '../../platform/jobs';
import { DEMO_PASSWORD } from '../demo/seed';
import { useTestApp } from '../../test/harness';
import { buildHousehold } from '../../test/factories';
import * as orgLookup from '../org/lookup';
import { matterSweepJob } from './sweep';

const t = useTestApp();

const GROUP = '5303032032110101'; // 地河一组
const VILLAGE = '530303203211';
const TOWNSHIP = '530303203';
const H = 3_600_000;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
let ipN = 1;
const freshIp = () => `10.1.0.${ipN++}`;

// biome-ignore lint/suspicious/noExplicitAny: answers read loosely in tests; the schemas are checked by the server
type Json = Record<string, any>;

// Sessions expire when the clock jumps days ahead: log in afresh after every advance.
const cookies = new Map<string, string>();
async function login(user: string): Promise<string> {
  const cached = cookies.get(user);
  if (cached) return cached;
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password: DEMO_PASSWORD } });
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw[0] : raw)?.split(';')[0] as string;
  cookies.set(user, cookie);
  return cookie;
}
function advance(ms: number) {
  t.clock.advance(ms);
  cookies.clear();
}

async function publicReport(payload: Json, ip = freshIp()) {
  return t.request({ method: 'POST', url: '/api/public/matters', payload, remoteAddress: ip });
}
async function detailOf(id: number, user = 'district'): Promise<Json> {
  const res = await t.request({ method: 'GET', url: `/api/matters/${id}`, cookie: await login(user) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function idOf(trackingCode: string): Promise<number> {
  const res = await t.database.db.execute(sql`select id from matters where tracking_code = ${trackingCode}`);
  return Number((res as unknown as { rows: { id: number }[] }).rows[0]?.id);
}
async function act(user: string, id: number, action: string, payload: Json = {}) {
  const { version } = await detailOf(id);
  return t.request({ method: 'POST', url: `/api/matters/${id}/actions/${action}`, cookie: await login(user), payload: { version, ...payload } });
}
async function ok(user: string, id: number, action: string, payload: Json = {}) {
  const res = await act(user, id, action, payload);
  expect(res.statusCode, `${user} ${action}: ${res.body}`).toBe(200);
  return res.json();
}
async function repReport(description = '组里路灯坏了三盏，晚上看不见路') {
  const res = await t.request({
    method: 'POST',
    url: '/api/matters',
    cookie: await login('representative'),
    payload: { unitCode: GROUP, categoryCode: 'infrastructure', description },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; trackingCode: string; version: number };
}
async function inbox(user: string): Promise<Json[]> {
  const res = await t.request({ method: 'GET', url: '/api/notifications?limit=100', cookie: await login(user) });
  return res.json().items;
}
/** The first village (by code) of the first township (by code) other than `exceptTownship`, through org's lookup. */
async function villageOutside(exceptTownship: string): Promise<{ code: string; name: string }> {
  for (const township of await orgLookup.findChildren(t.systemCtx(), TOWNSHIP.slice(0, 6))) {
    if (township.code === exceptTownship) continue;
    const [village] = await orgLookup.findChildren(t.systemCtx(), township.code);
    if (village) return village;
  }
  throw new Error('no village outside the township');
}
async function housingDeptId(): Promise<number> {
  const res = await t.request({ method: 'GET', url: '/api/departments', cookie: await login('district') });
  return res.json().find((d: Json) => d.name === '区住房和城乡建设局').id;
}

describe('the closed loop, through HTTP', () => {
  it('resident → representative → group → village → township → department → answer → rating reopens', async () => {
    const cats = await t.request({ method: 'GET', url: '/api/public/categories' });
    expect(cats.json().map((c: Json) => c.code)).toContain('housing');

    const rep = await publicReport({
      unitCode: GROUP,
      categoryCode: 'housing',
      description: '我家后墙开裂，下雨渗水，担心垮塌',
      reporterName: '赵桂芬',
      reporterPhone: '13912345678',
      photo: PNG.toString('base64'),
    });
    expect(rep.statusCode, rep.body).toBe(201);
    const code = rep.json().trackingCode as string;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    const id = await idOf(code);

    // The representative sees it first, the phone masked.
    const q = await t.request({ method: 'GET', url: '/api/matters/queue', cookie: await login('representative') });
    const item = q.json().items.find((m: Json) => m.id === id);
    expect(item.reporter.phone).toBe('139****5678');
    expect(item.state).toBe('reported');
    expect((await inbox('representative')).some((n) => n.entityId === String(id))).toBe(true);

    await ok('representative', id, 'transmit', { note: '已上门核实' });
    await ok('groupLeader', id, 'triage', { urgency: 'ordinary' });
    expect((await detailOf(id)).responsibleUnitCode).toBe(VILLAGE);
    await ok('village', id, 'accept');
    await ok('village', id, 'escalate', { reason: '需要住建部门鉴定' });
    expect((await detailOf(id)).responsibleUnitCode).toBe(TOWNSHIP);
    await ok('township', id, 'accept');
    const deptId = await housingDeptId();
    await ok('township', id, 'dispatch', { leadDepartmentId: deptId, note: '请住建局鉴定' });
    expect((await inbox('department')).some((n) => n.kind === 'matter.dispatch' && n.entityId === String(id))).toBe(true);

    const dq = await t.request({ method: 'GET', url: '/api/matters/queue', cookie: await login('department') });
    expect(dq.json().items.map((m: Json) => m.id)).toContain(id);
    const early = await act('department', id, 'reply', { reply: '已鉴定' });
    expect(early.json().error.code).toBe('MATTER_NOT_CHECKED_IN');
    await ok('department', id, 'checkIn');
    await ok('department', id, 'reply', { reply: '已现场鉴定为C级，安排危房改造' });
    await ok('township', id, 'resolve', { result: '纳入危房改造，已加固后墙' });
    await ok('township', id, 'feedback', { message: '您家后墙已加固，危房改造已纳入计划' });

    const d = await detailOf(id);
    expect(d.settledLevel).toBe('department');
    expect(d.events.map((e: Json) => e.action)).toEqual([
      'report',
      'transmit',
      'triage',
      'accept',
      'escalate',
      'accept',
      'dispatch',
      'checkIn',
      'reply',
      'resolve',
      'feedback',
    ]);
    expect(d.photos).toHaveLength(1);

    const view = await t.request({ method: 'GET', url: `/api/public/matters/${code.toLowerCase()}` });
    expect(view.statusCode).toBe(200);
    const v = view.json();
    expect(v.answer).toBe('您家后墙已加固，危房改造已纳入计划');
    expect(v.canRate).toBe(true);
    expect(v.steps).toHaveLength(11);
    expect(view.body).not.toContain('已上门核实'); // internal notes stay inside
    expect(view.body).not.toContain('13912345678');
    expect(view.body).not.toContain('赵桂芬');

    const rated = await t.request({
      method: 'POST',
      url: `/api/public/matters/${code}/rating`,
      payload: { satisfaction: 'basic', fixed: 'not_fixed', comment: '还在渗水' },
      remoteAddress: freshIp(),
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().state).toBe('reopened');
    const after = await detailOf(id);
    expect(after.reopenCount).toBe(1);
    expect(after.responsibleUnitCode).toBe(TOWNSHIP);
    expect(after.rating.fixed).toBe('not_fixed');
  });
});

describe('首接负责制 (first receiver answers)', () => {
  it('a transfer keeps the sender responsible until the target accepts', async () => {
    const { id } = await repReport('乡里的农机补贴政策咨询');
    await ok('village', id, 'accept');
    await ok('village', id, 'transfer', { targetUnitCode: TOWNSHIP, reason: '属乡农业服务中心职责' });
    const mid = await detailOf(id);
    expect(mid).toMatchObject({ state: 'transferred', responsibleUnitCode: VILLAGE, transferToUnitCode: TOWNSHIP, firstUnitCode: GROUP });
    const tq = await t.request({ method: 'GET', url: '/api/matters/queue?limit=200', cookie: await login('township') });
    expect(tq.json().items.map((m: Json) => m.id)).toContain(id);
    const vq = await t.request({ method: 'GET', url: '/api/matters/queue?limit=200', cookie: await login('village') });
    expect(vq.json().items.map((m: Json) => m.id)).toContain(id);
    await ok('township', id, 'accept');
    expect(await detailOf(id)).toMatchObject({ state: 'accepted', responsibleUnitCode: TOWNSHIP, transferToUnitCode: null, acceptedLevel: 'township' });
  });

  it('offers transfer targets across the district, beyond the own subtree of the sender', async () => {
    const { id } = await repReport('这件事属于隔壁村的');
    await ok('village', id, 'accept');
    const targets = (q?: string) =>
      t.request({ method: 'GET', url: `/api/matters/${id}/transfer-targets${q ? `?q=${encodeURIComponent(q)}` : ''}`, cookie: cookies.get('village') });
    // Without a query: the township and the district (the responsible village itself is left out).
    const start = (await targets()).json() as Json[];
    expect(start.map((u) => u.code)).toEqual([TOWNSHIP.slice(0, 6), TOWNSHIP]);
    // Another township's village, outside 地河村's scope, found by name.
    const neighbour = await villageOutside(TOWNSHIP);
    const found = (await targets(neighbour.name)).json() as Json[];
    expect(found.find((u) => u.code === neighbour.code)).toMatchObject({ level: 'village', townshipName: expect.any(String) });
    expect(found.every((u) => ['village', 'township', 'district'].includes(u.level) && u.code.startsWith('530303'))).toBe(true);
    await ok('village', id, 'transfer', { targetUnitCode: neighbour.code, reason: '属隔壁村' });
    expect(await detailOf(id)).toMatchObject({ state: 'transferred', transferToUnitCode: neighbour.code, responsibleUnitCode: VILLAGE });
    // A group leader cannot transfer, so is not offered targets either.
    const leader = await t.request({ method: 'GET', url: `/api/matters/${id}/transfer-targets`, cookie: await login('groupLeader') });
    expect(leader.statusCode).toBe(403);
  });
});

describe('reporter privacy', () => {
  it('hideReporter hides the reporter from handlers below the village; phones are always masked', async () => {
    const res = await publicReport({
      unitCode: GROUP,
      categoryCode: 'dispute',
      description: '邻居占用我家宅基地',
      reporterName: '孙某',
      reporterPhone: '13700001234',
      hideReporter: true,
    });
    const id = await idOf(res.json().trackingCode);
    const rq = await t.request({ method: 'GET', url: '/api/matters/queue?limit=200', cookie: await login('representative') });
    expect(rq.json().items.find((m: Json) => m.id === id).reporter).toMatchObject({ hidden: true, name: null, phone: null });
    expect((await detailOf(id, 'village')).reporter).toMatchObject({ hidden: true, name: '孙某', phone: '137****1234' });
  });

  it('the village reveals the full phones of reporter and followers on request, and the look is audited', async () => {
    const res = await publicReport({
      unitCode: GROUP,
      categoryCode: 'utilities',
      description: '组里停水三天了',
      reporterName: '钱某',
      reporterPhone: '13900005678',
    });
    const { trackingCode } = res.json();
    const id = await idOf(trackingCode);
    const followed = await t.request({
      method: 'POST',
      url: `/api/public/matters/${trackingCode}/follow`,
      payload: { phone: '13600002222', name: '李某' },
      remoteAddress: freshIp(),
    });
    expect(followed.statusCode, followed.body).toBe(200);
    for (const user of ['representative', 'groupLeader', 'department', 'supervisor']) {
      const refused = await t.request({ method: 'POST', url: `/api/matters/${id}/reveal-contacts`, cookie: await login(user) });
      expect(refused.statusCode, `${user}: ${refused.body}`).toBe(403);
    }
    const shown = await t.request({ method: 'POST', url: `/api/matters/${id}/reveal-contacts`, cookie: await login('village') });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ reporter: { name: '钱某', phone: '13900005678' }, followers: [{ name: '李某', phone: '13600002222' }] });
    const audit = await t.request({ method: 'GET', url: `/api/audit?action=pii.reveal&limit=50`, cookie: await login('district') });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items.some((a: Json) => a.entityType === 'matter' && a.entityId === String(id))).toBe(true);
    const missing = await t.request({ method: 'POST', url: '/api/matters/999999/reveal-contacts', cookie: await login('village') });
    expect(missing.statusCode).toBe(404);
  });
});

describe('concurrency', () => {
  it('two transitions with the same version: one wins, one 409', async () => {
    const { id, version } = await repReport();
    const cookie = await login('groupLeader');
    const send = () => t.request({ method: 'POST', url: `/api/matters/${id}/actions/triage`, cookie, payload: { version } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)?.json().error.code).toBe('CONFLICT');
    expect((await detailOf(id)).events.filter((e: Json) => e.action === 'triage')).toHaveLength(1);
  });
});

describe('time limits', () => {
  it('an overdue hand-over escalates one level and notifies; a second sweep does not escalate twice', async () => {
    const { id } = await repReport('村道塌方一处');
    expect((await detailOf(id)).state).toBe('transmitted');
    advance(25 * H);
    expect(await runJobOnce(t.database.db, t.clock, matterSweepJob)).toBe(true);
    const d = await detailOf(id);
    expect(d.state).toBe('escalated');
    expect(d.responsibleUnitCode).toBe(VILLAGE);
    expect(d.events.at(-1)).toMatchObject({ action: 'escalate', actorKind: 'system' });
    expect((await inbox('village')).some((n) => n.kind === 'matter.escalate' && n.entityId === String(id))).toBe(true);
    expect((await inbox('groupLeader')).some((n) => n.kind === 'matter.overdue' && n.entityId === String(id))).toBe(true);
    await runJobOnce(t.database.db, t.clock, matterSweepJob);
    expect((await detailOf(id)).escalationCount).toBe(1);
  });

  it('a paused clock does not run; resuming moves the deadlines by the pause', async () => {
    const { id } = await repReport('自来水管冻裂');
    await ok('village', id, 'accept');
    const before = await detailOf(id);
    await ok('village', id, 'pause', { reason: '等待冰冻解除后施工' });
    advance(30 * 24 * H);
    await runJobOnce(t.database.db, t.clock, matterSweepJob);
    const paused = await detailOf(id);
    expect(paused.state).toBe('accepted');
    expect(paused.overdue).toBe(false);
    const refused = await act('village', id, 'resolve', { result: '已修好' });
    expect(refused.json().error.code).toBe('MATTER_PAUSED');
    await ok('village', id, 'resume');
    const resumed = await detailOf(id);
    expect(new Date(resumed.resolveBy).getTime() - new Date(before.resolveBy).getTime()).toBe(30 * 24 * H);
    expect(resumed.overdue).toBe(false);
  });

  it('an answered matter closes when the rating window ends; reopening after it is refused', async () => {
    const { id, trackingCode } = await repReport('垃圾桶满了没人清');
    await ok('village', id, 'accept');
    await ok('village', id, 'resolve', { result: '已清运' });
    await ok('representative', id, 'feedback', { message: '垃圾已清运，今后每周二清运' });
    advance(7 * 24 * H + 60_000);
    const late = await t.request({
      method: 'POST',
      url: `/api/public/matters/${trackingCode}/reopen`,
      payload: { reason: '又满了' },
      remoteAddress: freshIp(),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('MATTER_REOPEN_WINDOW_CLOSED');
    await runJobOnce(t.database.db, t.clock, matterSweepJob);
    expect((await detailOf(id)).state).toBe('closed');
  });
});

describe("a village's public report link", () => {
  it('names the place from the village down, and refuses townships and unknown codes', async () => {
    const get = (code: string) => t.request({ method: 'GET', url: `/api/public/report-units/${code}`, remoteAddress: freshIp() });
    expect((await get(VILLAGE)).json()).toEqual({ unitCode: VILLAGE, unitName: '地河村' });
    expect((await get(GROUP)).json()).toEqual({ unitCode: GROUP, unitName: '地河村 第一片 地河一组' });
    const township = await get(TOWNSHIP);
    expect(township.statusCode).toBe(400);
    expect(township.json().error).toMatchObject({ code: 'VALIDATION', field: 'code' });
    const unknown = await get('530303203299');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'code' });
  });
});

describe('bad input is refused with the field', () => {
  const base = { unitCode: GROUP, categoryCode: 'environment', description: '河道有垃圾' };
  it.each([
    ['empty description', { description: '   ' }, 400, 'VALIDATION', 'description'],
    ['10,000-character description', { description: '字'.repeat(10_000) }, 400, 'VALIDATION', 'description'],
    ['unknown category', { categoryCode: 'ufo' }, 400, 'CATEGORY_NOT_FOUND', 'categoryCode'],
    ['non-image photo', { photo: Buffer.from('not an image at all').toString('base64') }, 415, 'PHOTO_TYPE', 'photo'],
    ['oversized photo', { photo: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]).toString('base64') }, 413, 'PHOTO_TOO_LARGE', 'photo'],
    ['a township as the place', { unitCode: TOWNSHIP }, 400, 'MATTER_UNIT_LEVEL', 'unitCode'],
    ['a forged QR token', { unitCode: undefined, token: '1.AAAAAAAAAAAAAAAA' }, 400, 'MATTER_REPORT_TOKEN', 'token'],
  ])('%s', async (_name, patch, status, code, field) => {
    const res = await publicReport({ ...base, ...patch });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error).toMatchObject({ code, field });
  });

  it('a unit that moved since a report there is refused by name, not with a 500 (units are cached briefly)', async () => {
    const village = await login('village');
    const zone = await t.request({ method: 'POST', url: '/api/units', cookie: village, payload: { parentCode: VILLAGE, name: '缓存测试片' } });
    const group = await t.request({ method: 'POST', url: '/api/units', cookie: village, payload: { parentCode: zone.json().code, name: '缓存测试组' } });
    const code = group.json().code as string;
    expect((await publicReport({ ...base, unitCode: code })).statusCode).toBe(201);
    const moved = await t.request({ method: 'POST', url: `/api/units/${code}/move`, cookie: village, payload: { zoneCode: '53030320321101' } });
    expect(moved.statusCode, moved.body).toBe(200);
    const stale = await publicReport({ ...base, unitCode: code });
    expect(stale.statusCode, stale.body).toBe(404);
    expect(stale.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'unitCode' });
    expect((await publicReport({ ...base, unitCode: moved.json().code })).statusCode).toBe(201);
  });

  it('forbidden transitions name the action and the state or role', async () => {
    const { id } = await repReport('桥栏杆松动');
    const state = await act('village', id, 'feedback', { message: '已经处理好了' });
    expect(state.statusCode).toBe(409);
    expect(state.json().error.code).toBe('MATTER_TRANSITION_NOT_ALLOWED');
    expect(state.json().error.en).toContain('"feedback"');
    expect(state.json().error.en).toContain('"transmitted"');
    await ok('village', id, 'accept');
    const role = await act('representative', id, 'resolve', { result: '已修' });
    expect(role.statusCode).toBe(403);
    expect(role.json().error).toMatchObject({ code: 'MATTER_ROLE_NOT_ALLOWED', field: 'action' });
    const dept = await act('department', id, 'checkIn');
    expect(dept.statusCode).toBe(404); // not dispatched to it: not even visible
    const noReason = await act('village', id, 'closeUnresolved', { reason: '' });
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
  });

  it('rating before the answer is a 409 with its own code', async () => {
    const { trackingCode } = await repReport('路面积水');
    const res = await t.request({
      method: 'POST',
      url: `/api/public/matters/${trackingCode}/rating`,
      payload: { satisfaction: 'satisfied', fixed: 'fixed' },
      remoteAddress: freshIp(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'MATTER_NOT_ANSWERED', field: 'state' });
  });

  it('the public intake is rate-limited per address', async () => {
    const ip = freshIp();
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await publicReport({ ...base, description: '' }, ip)).statusCode;
    expect(last).toBe(429);
  });
});

describe('scoping, QR tokens, merging, the catalogue', () => {
  it('a village cadre cannot see another village; a department sees only what was dispatched to it', async () => {
    const otherVillage = (await villageOutside(TOWNSHIP)).code;
    const res = await publicReport({ unitCode: otherVillage, categoryCode: 'farming', description: '灌溉渠堵了' });
    const id = await idOf(res.json().trackingCode);
    expect((await t.request({ method: 'GET', url: `/api/matters/${id}`, cookie: await login('village') })).statusCode).toBe(404);
    const vq = await t.request({ method: 'GET', url: '/api/matters/queue?limit=200', cookie: await login('village') });
    expect(vq.json().items.map((m: Json) => m.id)).not.toContain(id);
    expect((await t.request({ method: 'GET', url: `/api/matters/${id}`, cookie: await login('department') })).statusCode).toBe(404);
    const dq = await t.request({ method: 'GET', url: '/api/matters/queue', cookie: await login('department') });
    for (const m of dq.json().items) expect((await detailOf(m.id)).dispatches.some((d: Json) => d.departmentName === '区住房和城乡建设局')).toBe(true);
  });

  it('a contact-card QR token reports for its household; merging keeps both reporters informed', async () => {
    const hh = await buildHousehold(t, { unitCode: GROUP, address: '地河一组 12 号', headName: '钱大山' });
    const link = await t.request({ method: 'GET', url: `/api/matters/report-link?householdId=${hh.id}`, cookie: await login('village') });
    expect(link.statusCode, link.body).toBe(200);
    const token = link.json().token as string;
    const a = await publicReport({ token, categoryCode: 'utilities', description: '停电两天了', reporterPhone: '13800001111' });
    expect(a.statusCode, a.body).toBe(201);
    const aId = await idOf(a.json().trackingCode);
    expect((await detailOf(aId)).householdId).toBe(hh.id);
    const b = await repReport('一组停电');
    await ok('village', b.id, 'merge', { targetId: aId, note: '同一停电' });
    const merged = await t.request({ method: 'GET', url: `/api/public/matters/${b.trackingCode}` });
    // The merged matter names its target by public id: the target's tracking code is its own reporter's receipt.
    expect(merged.json()).toMatchObject({ state: 'merged', mergedInto: expect.stringMatching(/^[0-9a-hjkmnp-tv-z]{26}$/) });
    expect(merged.body).not.toContain(a.json().trackingCode);
    const target = await detailOf(aId);
    expect(target.followerCount).toBe(2);
    // The merged reporter is an account without a phone: revealing would add nothing.
    expect(target.followerPhones).toBe(0);
    const follow = await t.request({
      method: 'POST',
      url: `/api/public/matters/${a.json().trackingCode}/follow`,
      payload: { phone: '13800002222' },
      remoteAddress: freshIp(),
    });
    expect(follow.json()).toMatchObject({ added: true, followerCount: 3 });
    expect((await detailOf(aId)).followerPhones).toBe(1);
  });

  it('the catalogue is edited only with matter:config, and its hours drive the deadlines', async () => {
    const body = { nameZh: '安全隐患', nameEn: 'Safety hazards', active: true, defaultUrgency: 'urgent', sort: 90, resolveHoursUrgent: 12 };
    expect((await t.request({ method: 'PUT', url: '/api/matter-categories/safety', cookie: await login('village'), payload: body })).statusCode).toBe(403);
    const put = await t.request({ method: 'PUT', url: '/api/matter-categories/safety', cookie: await login('district'), payload: body });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().resolveHours).toEqual({ urgent: 12, ordinary: 168, complex: 360 });
    const r = await publicReport({ unitCode: GROUP, categoryCode: 'safety', description: '电线杆倾斜' });
    const d = await detailOf(await idOf(r.json().trackingCode));
    expect(new Date(d.resolveBy).getTime() - new Date(d.createdAt).getTime()).toBe(12 * H);
    expect(d.urgency).toBe('urgent');
  });
});

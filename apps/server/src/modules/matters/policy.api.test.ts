import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';

const t = useTestApp();

const GROUP = '5303032032110101'; // 地河一组 (the groupLeader's)
const OTHER_GROUP = '5303032032110201'; // 小河边组, same village
const VILLAGE = '530303203211';
const TOWNSHIP = '530303203';

// biome-ignore lint/suspicious/noExplicitAny: answers read loosely in tests; the schemas are checked by the server
type Json = Record<string, any>;
let ipN = 1;

async function report(unitCode: string, description: string, reporterPhone?: string): Promise<number> {
  const res = await t.request({
    method: 'POST',
    url: '/api/public/matters',
    payload: { unitCode, categoryCode: 'utilities', description, ...(reporterPhone ? { reporterPhone } : {}) },
    remoteAddress: `10.9.0.${ipN++}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  const rows = await t.database.db.execute(sql`select id from matters where tracking_code = ${res.json().trackingCode}`);
  return Number((rows as unknown as { rows: { id: number }[] }).rows[0]?.id);
}
async function detail(id: number, user = 'district'): Promise<Json> {
  const res = await t.request({ method: 'GET', url: `/api/matters/${id}`, cookie: await t.login(user) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function act(user: string, id: number, action: string, payload: Json = {}) {
  const { version } = await detail(id);
  return t.request({ method: 'POST', url: `/api/matters/${id}/actions/${action}`, cookie: await t.login(user), payload: { version, ...payload } });
}
/** A village of another township (the test district has eleven). */
async function villageElsewhere(): Promise<string> {
  const res = await t.database.db.execute(sql`select code from units where level = 'village' and code not like ${`${TOWNSHIP}%`} order by code limit 1`);
  return (res as unknown as { rows: { code: string }[] }).rows[0]?.code as string;
}

describe('merge stays where the actor acts', () => {
  it("a group leader cannot merge into another township's or another village's matter; the answer names no unit", async () => {
    const dup = await report(GROUP, '一组停水了，水龙头没有水', '13908745566');
    const far = await report(await villageElsewhere(), '村里停水了，水龙头没有水');
    const near = await report('530303203201', '邻村停水了，水龙头没有水'); // another village of 大坡乡
    for (const target of [far, near]) {
      const res = await act('groupLeader', dup, 'merge', { targetId: target });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'MATTER_MERGE_TARGET', field: 'targetId' });
      // The same answer as for a matter that does not exist: nothing confirms the target or its place.
      const missing = await act('groupLeader', dup, 'merge', { targetId: 99_999_999 });
      expect(res.json().error.zh).toBe(missing.json().error.zh);
    }
    expect((await detail(dup)).state).toBe('reported');
    expect((await detail(far)).followerCount).toBe(0);
    // The far matter's reveal (what that township's handlers may call up) does not hand over the resident's phone.
    const reveal = await t.request({ method: 'POST', url: `/api/matters/${far}/reveal-contacts`, cookie: await t.login('district') });
    expect(reveal.statusCode, reveal.body).toBe(200);
    expect(reveal.body).not.toContain('13908745566');
    const own = await t.request({ method: 'POST', url: `/api/matters/${dup}/reveal-contacts`, cookie: await t.login('village') });
    expect(own.json().reporter.phone).toBe('13908745566');
  });

  it("refuses a target of the same village the actor does not handle, and a district's merge across villages", async () => {
    const dup = await report(GROUP, '一组路灯坏了');
    const otherGroup = await report(OTHER_GROUP, '小河边组路灯坏了');
    const leader = await act('groupLeader', dup, 'merge', { targetId: otherGroup });
    expect(leader.statusCode).toBe(400);
    expect(leader.json().error).toMatchObject({ code: 'MATTER_MERGE_TARGET', en: 'targetId: choose another matter' });
    const elsewhere = await report('530303203201', '邻村路灯坏了');
    const district = await act('district', dup, 'merge', { targetId: elsewhere });
    expect(district.statusCode).toBe(400);
    expect(district.json().error.en).toBe('targetId: merge within the same village only');
    // Triaged: the village answers for it now, so the group leader may merge neither from nor into it.
    const triaged = await report(GROUP, '一组路灯又坏了一盏');
    expect((await act('groupLeader', triaged, 'triage')).statusCode).toBe(200);
    const into = await act('groupLeader', dup, 'merge', { targetId: triaged });
    expect(into.json().error.en).toBe('targetId: the target is no longer at a stage you handle');
    const from = await act('groupLeader', triaged, 'merge', { targetId: dup });
    expect(from.statusCode).toBe(403);
    expect(from.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await detail(dup)).state).toBe('reported');
  });

  it('merges within the same village: the group leader in its group, the village across its groups', async () => {
    const a = await report(GROUP, '一组水管爆了');
    const b = await report(GROUP, '一组水管爆裂');
    expect((await act('groupLeader', b, 'merge', { targetId: a })).statusCode).toBe(200);
    expect(await detail(b)).toMatchObject({ state: 'merged', mergedIntoId: a });
    const c = await report(OTHER_GROUP, '小河边组也说水管爆了');
    const merged = await act('village', c, 'merge', { targetId: a });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await detail(a)).events.filter((e: Json) => e.action === 'mergeIn')).toHaveLength(2);
  });
});

describe('the read policy on lists and look-ups', () => {
  it('a department finds through /matters/similar only what was dispatched to it', async () => {
    const text = '地河村自来水管道老化漏水严重';
    const id = await report(GROUP, text);
    const ask = async () =>
      t.request({ method: 'POST', url: '/api/matters/similar', cookie: await t.login('department'), payload: { unitCode: VILLAGE, text } });
    const before = await ask();
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toEqual([]);
    expect(before.body).not.toContain('漏水');
    // The village sees it, so the index has it.
    const village = await t.request({ method: 'POST', url: '/api/matters/similar', cookie: await t.login('village'), payload: { unitCode: VILLAGE, text } });
    expect(village.json().map((h: Json) => h.id)).toContain(id);
    // Dispatched to 区住房和城乡建设局 (the department account's): now it is the department's to see.
    expect((await act('village', id, 'accept')).statusCode).toBe(200);
    expect((await act('village', id, 'escalate', { reason: '需要部门处理' })).statusCode).toBe(200);
    expect((await act('township', id, 'accept')).statusCode).toBe(200);
    const depts = await t.request({ method: 'GET', url: '/api/departments', cookie: await t.login('district') });
    const housing = depts.json().find((d: Json) => d.name === '区住房和城乡建设局').id;
    expect((await act('township', id, 'dispatch', { leadDepartmentId: housing })).statusCode).toBe(200);
    expect((await ask()).json().map((h: Json) => h.id)).toEqual([id]);
  });

  it('the detail carries the actions the server would accept, for each actor', async () => {
    const id = await report(GROUP, '一组的桥栏杆松了');
    expect((await detail(id, 'groupLeader')).allowedActions).toEqual(['transmit', 'triage', 'settleOnSpot', 'merge']);
    expect((await detail(id, 'representative')).allowedActions).toEqual(['transmit', 'settleOnSpot']);
    expect((await detail(id, 'supervisor')).allowedActions).toEqual([]);
    expect((await detail(id, 'village')).allowedActions).toEqual(['triage', 'settleOnSpot', 'accept', 'escalate', 'transfer', 'merge', 'closeUnresolved']);
    // Every action offered is accepted: take the group leader's first one.
    expect((await act('groupLeader', id, 'triage')).statusCode).toBe(200);
    // The village answers for it now; the group may still settle it on the spot (a local action).
    expect((await detail(id, 'groupLeader')).allowedActions).toEqual(['settleOnSpot']);
    expect((await act('village', id, 'accept')).statusCode).toBe(200);
    expect((await act('village', id, 'escalate', { reason: '需要部门处理' })).statusCode).toBe(200);
    expect((await act('township', id, 'accept')).statusCode).toBe(200);
    const depts = await t.request({ method: 'GET', url: '/api/departments', cookie: await t.login('district') });
    const housing = depts.json().find((d: Json) => d.name === '区住房和城乡建设局').id;
    expect((await act('township', id, 'dispatch', { leadDepartmentId: housing })).statusCode).toBe(200);
    expect((await detail(id, 'department')).allowedActions).toEqual(['checkIn']);
    expect((await act('department', id, 'checkIn')).statusCode).toBe(200);
    expect((await detail(id, 'department')).allowedActions).toEqual(['reply']);
    expect((await detail(id, 'township')).allowedActions).toContain('resolve');
  });
});

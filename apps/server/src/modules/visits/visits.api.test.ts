import { describe, expect, it } from 'vitest';
import { runJobOnce } from '../../platform/jobs';
import { buildHousehold, buildRepresentative, DIHE, DIHE_G1, DIHE_G2, freshLogin } from '../../test/factories';
import { useTestApp } from '../../test/harness';
import { overdueRedAlertJob } from './alerts';

const t = useTestApp();
// The clock moves on by days here, past session lifetimes: log in afresh each time.
const login = (username: string) => freshLogin(t, username);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const meId = async (cookie: string) => (await t.request({ method: 'GET', url: '/api/auth/me', cookie })).json().userId as number;
async function linkTo(householdId: number, representativeUserId: number) {
  const res = await t.request({ method: 'PUT', url: `/api/linkage/${householdId}`, cookie: await login('village'), payload: { representativeUserId } });
  expect(res.statusCode).toBe(200);
}
let keySeq = 0;
const key = () => `k-${Date.now()}-${++keySeq}-abcdef`;
const visit = (cookie: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/visits', cookie, payload: { kind: 'home', visitedAt: t.clock.now().toISOString(), clientKey: key(), ...payload } });
const mine = async (cookie: string) => (await t.request({ method: 'GET', url: '/api/visits/mine', cookie })).json();

describe('visits', () => {
  it("lists a representative's due visits by urgency; only a home visit meets a red household's cadence", async () => {
    let rep = await login('representative');
    const repId = await meId(rep);
    const red = await buildHousehold(t, { tier: 'red', headName: '张红' });
    const blue = await buildHousehold(t, { tier: 'blue' });
    const yellow = await buildHousehold(t, { tier: 'yellow', unitCode: DIHE_G2 });
    for (const h of [red, blue, yellow]) await linkTo(h.id, repId);

    let m = await mine(rep);
    expect(m.linked).toBe(3);
    expect(m.items).toEqual([]);

    t.clock.advance(16 * DAY);
    rep = await login('representative');
    m = await mine(rep);
    expect(m.items.map((i: { householdId: number }) => i.householdId)).toEqual([red.id, yellow.id]);
    expect(m.items[0]).toMatchObject({ tier: 'red', overdue: true, daysOverdue: 9, homeVisitRequired: true, headName: '张红', lastVisitAt: null });

    const phone = await visit(rep, { householdId: red.id, kind: 'phone', findings: '电话询问，身体好转' });
    expect(phone.statusCode).toBe(201);
    m = await mine(rep);
    expect(m.items[0]).toMatchObject({ householdId: red.id, overdue: true, lastVisitKind: 'phone', lastCountedVisitAt: null });

    const home = await visit(rep, { householdId: red.id, kind: 'home', needs: '需要申请临时救助', risks: '独居老人' });
    expect(home.statusCode).toBe(201);
    expect(home.json()).toMatchObject({ householdId: red.id, kind: 'home', representativeUserId: repId, needs: '需要申请临时救助' });
    m = await mine(rep);
    expect(m.items.map((i: { householdId: number }) => i.householdId)).toEqual([yellow.id]);

    // The village's overdue list agrees with the representative's own list.
    const overdue = (await t.request({ method: 'GET', url: `/api/visits/overdue?unitCode=${DIHE}`, cookie: await login('village') })).json();
    expect(overdue.items.map((i: { householdId: number }) => i.householdId)).toEqual([yellow.id]);
    expect(overdue.items[0]).toMatchObject({ daysOverdue: 1, representativeName: '王代表' });

    const history = await t.request({ method: 'GET', url: `/api/visits?householdId=${red.id}`, cookie: rep });
    expect(history.json().items.map((v: { kind: string }) => v.kind)).toEqual(['home', 'phone']);
  });

  it('refuses visits to households not linked to the representative, future times and bad kinds', async () => {
    const rep = await login('representative');
    const other = await buildRepresentative(t);
    const h = await buildHousehold(t);
    await linkTo(h.id, other.id);
    const res = await visit(rep, { householdId: h.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'VISIT_NOT_LINKED', field: 'householdId' });

    const mineH = await buildHousehold(t);
    await linkTo(mineH.id, await meId(rep));
    const future = await visit(rep, { householdId: mineH.id, visitedAt: new Date(t.clock.now().getTime() + HOUR).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'VISIT_IN_FUTURE', field: 'visitedAt' });
    const kind = await visit(rep, { householdId: mineH.id, kind: 'letter' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.field).toBe('kind');
    const noKey = await visit(rep, { householdId: mineH.id, clientKey: 'x' });
    expect(noKey.json().error.field).toBe('clientKey');

    const village = await login('village');
    const elsewhere = await buildHousehold(t, { unitCode: '530303203201' });
    const hist = await t.request({ method: 'GET', url: `/api/visits?householdId=${elsewhere.id}`, cookie: village });
    expect(hist.statusCode).toBe(404);
    const overdue = await t.request({ method: 'GET', url: '/api/visits/overdue?unitCode=530303203201', cookie: village });
    expect(overdue.statusCode).toBe(403);
  });

  it('is idempotent by clientKey, also for two submissions at the same instant', async () => {
    const rep = await login('representative');
    const h = await buildHousehold(t);
    await linkTo(h.id, await meId(rep));
    const clientKey = key();
    const first = await visit(rep, { householdId: h.id, clientKey });
    const second = await visit(rep, { householdId: h.id, clientKey });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);

    const racing = key();
    const both = await Promise.all([visit(rep, { householdId: h.id, clientKey: racing }), visit(rep, { householdId: h.id, clientKey: racing })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(both[0]?.json().id).toBe(both[1]?.json().id);
    const history = (await t.request({ method: 'GET', url: `/api/visits?householdId=${h.id}`, cookie: rep })).json();
    expect(history.items).toHaveLength(2);

    const other = await buildRepresentative(t);
    const h2 = await buildHousehold(t);
    await linkTo(h2.id, other.id);
    const stolen = await visit(await other.cookie(), { householdId: h2.id, clientKey });
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().error).toMatchObject({ code: 'VISIT_CLIENT_KEY_REUSED', field: 'clientKey' });
  });

  it('stores photos checked by their bytes, at most 5 MB, once per content', async () => {
    const rep = await login('representative');
    const h = await buildHousehold(t);
    await linkTo(h.id, await meId(rep));
    const v = (await visit(rep, { householdId: h.id })).json();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);
    const up = (body: Buffer, type = 'image/png', cookie = rep) =>
      t.request({ method: 'POST', url: `/api/visits/${v.id}/photo`, cookie, headers: { 'content-type': type }, payload: body });
    const first = await up(png);
    expect(first.statusCode).toBe(201);
    expect(first.json().photo).toMatchObject({ mimeType: 'image/png', size: 108 });
    const again = await up(png);
    expect(again.statusCode).toBe(200);
    expect(again.json().photo.id).toBe(first.json().photo.id);
    const lying = await up(Buffer.from('GIF89a not a png at all'));
    expect(lying.statusCode).toBe(415);
    expect(lying.json().error).toMatchObject({ code: 'VISIT_PHOTO_TYPE', field: 'photo' });
    const huge = await up(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(5 * 1024 * 1024)]), 'image/jpeg');
    expect(huge.statusCode).toBe(413);
    const gif = await up(Buffer.from('GIF89a'), 'image/gif');
    expect(gif.statusCode).toBe(415);

    const got = await t.request({ method: 'GET', url: first.json().photo.url, cookie: await login('village') });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(png)).toBe(true);
    const history = (await t.request({ method: 'GET', url: `/api/visits?householdId=${h.id}`, cookie: rep })).json();
    expect(history.items[0].photos).toHaveLength(1);
  });

  it('summarises completion and overdue per child unit and tier', async () => {
    const village = await login('village');
    const res = await t.request({ method: 'GET', url: `/api/visits/summary?unitCode=${DIHE}`, cookie: village });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const z1 = s.items.find((i: { unitCode: string }) => i.unitCode === `${DIHE}01`);
    expect(z1.name).toBe('第一片');
    expect(z1.linked).toBeGreaterThan(0);
    expect(z1.visited + z1.overdue).toBeLessThanOrEqual(z1.linked);
    expect(z1.byTier.red.visited).toBe(1);
    const overdue = (await t.request({ method: 'GET', url: `/api/visits/overdue?unitCode=${DIHE}&limit=500`, cookie: village })).json();
    expect(s.total.overdue).toBe(overdue.total);
    // Drill-down: the zone's groups add up to the zone.
    const zone = (await t.request({ method: 'GET', url: `/api/visits/summary?unitCode=${DIHE}01`, cookie: await login('zoneLeader') })).json();
    expect(zone.total).toEqual(
      z1 && { households: z1.households, linked: z1.linked, visited: z1.visited, overdue: z1.overdue, completionRate: z1.completionRate },
    );
    // Every township of the district is listed, those with no register too (all zeros).
    const district = (await t.request({ method: 'GET', url: '/api/visits/summary?unitCode=530303', cookie: await login('district') })).json();
    const townships = (await t.request({ method: 'GET', url: '/api/units/530303', cookie: await login('district') })).json().children;
    expect(district.items.map((i: { unitCode: string }) => i.unitCode)).toEqual(townships.map((u: { code: string }) => u.code).sort());
    expect(district.items.length).toBeGreaterThan(1);
    const empty = district.items.filter((i: { households: number }) => i.households === 0);
    expect(empty.length).toBe(district.items.length - 1);
    expect(empty[0]).toMatchObject({ households: 0, overdue: 0, completionRate: null });
  });

  it('sets cadence per village or township; the village wins, then the township, then the defaults', async () => {
    const village = await login('village');
    const township = await login('township');
    const get = async () => (await t.request({ method: 'GET', url: `/api/visits/cadence/${DIHE}`, cookie: village })).json();
    expect(await get()).toMatchObject({ source: 'default', own: null, effective: { redDays: 7, yellowDays: 15, blueDays: 30, redHomeOnly: true } });
    const body = { redDays: 5, yellowDays: 10, blueDays: 20, redHomeOnly: true, escalateDays: 2 };
    const put = await t.request({ method: 'PUT', url: '/api/visits/cadence/530303203', cookie: township, payload: body });
    expect(put.statusCode).toBe(200);
    expect(await get()).toMatchObject({ source: 'township', effective: body });
    await t.request({ method: 'PUT', url: `/api/visits/cadence/${DIHE}`, cookie: village, payload: { ...body, redDays: 4 } });
    expect(await get()).toMatchObject({ source: 'village', effective: { redDays: 4 } });
    const del = await t.request({ method: 'DELETE', url: `/api/visits/cadence/${DIHE}`, cookie: village });
    expect(del.json()).toMatchObject({ source: 'township', own: null });

    const zone = await t.request({ method: 'PUT', url: `/api/visits/cadence/${DIHE}01`, cookie: village, payload: body });
    expect(zone.json().error).toMatchObject({ code: 'CADENCE_UNIT_LEVEL', field: 'unitCode' });
    const up = await t.request({ method: 'PUT', url: '/api/visits/cadence/530303203', cookie: village, payload: body });
    expect(up.statusCode).toBe(403);
    const rep = await t.request({ method: 'PUT', url: `/api/visits/cadence/${DIHE}`, cookie: await login('representative'), payload: body });
    expect(rep.statusCode).toBe(403);
    const bad = await t.request({ method: 'PUT', url: `/api/visits/cadence/${DIHE}`, cookie: village, payload: { ...body, redDays: 0 } });
    expect(bad.json().error.details[0].field).toBe('redDays');
    await t.request({ method: 'DELETE', url: '/api/visits/cadence/530303203', cookie: township });
  });

  it('alerts the group leader once per overdue period, then the zone leader after 3 more days', async () => {
    const rep = await login('representative');
    const leader = 'groupLeader';
    const zoneLeader = 'zoneLeader';
    const h = await buildHousehold(t, { tier: 'red', unitCode: DIHE_G1, headName: '赵监测' });
    await linkTo(h.id, await meId(rep));
    await visit(rep, { householdId: h.id, kind: 'home' });
    const inbox = async (username: string) =>
      (await t.request({ method: 'GET', url: '/api/notifications?limit=100', cookie: await login(username) }))
        .json()
        .items.filter((n: { entityId: string }) => n.entityId === String(h.id));

    t.clock.advance(6 * DAY);
    expect(await runJobOnce(t.database.db, t.clock, overdueRedAlertJob)).toBe(true);
    expect(await inbox(leader)).toHaveLength(0);

    t.clock.advance(1 * DAY + HOUR);
    await runJobOnce(t.database.db, t.clock, overdueRedAlertJob);
    await runJobOnce(t.database.db, t.clock, overdueRedAlertJob);
    const first = await inbox(leader);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: 'visit.overdue' });
    expect(first[0].title).toContain('赵监测');
    expect(await inbox(zoneLeader)).toHaveLength(0);

    t.clock.advance(3 * DAY);
    await runJobOnce(t.database.db, t.clock, overdueRedAlertJob);
    expect(await inbox(leader)).toHaveLength(1);
    const escalated = await inbox(zoneLeader);
    expect(escalated).toHaveLength(1);
    expect(escalated[0].kind).toBe('visit.overdue.escalated');

    // A late visit starts a new period; when that one is missed too, it is a new alert.
    await visit(await login('representative'), { householdId: h.id, kind: 'home' });
    await runJobOnce(t.database.db, t.clock, overdueRedAlertJob);
    expect(await inbox(leader)).toHaveLength(1);
    t.clock.advance(7 * DAY + HOUR);
    await runJobOnce(t.database.db, t.clock, overdueRedAlertJob);
    expect(await inbox(leader)).toHaveLength(2);
  });
});

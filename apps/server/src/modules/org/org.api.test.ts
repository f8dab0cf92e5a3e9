import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildHousehold, ctxAs } from '../../test/factories';
import { useTestApp } from '../../test/harness';
import { listAudit } from '../audit/service';
import { apply } from '../linkage/service';
import { logVisit } from '../visits/service';
import { departments, units } from './tables';

const t = useTestApp();

const DIHE = '530303203211';

/** Rows in the tree and in the audit log: a refused write leaves both as they were. */
async function written() {
  const [u] = await t.database.db.select({ n: count() }).from(units);
  // The whole log (append-only), as an administrator reads it.
  const audit = (await listAudit(await ctxAs(t, 'admin'), { limit: 1_000_000 })).items.length;
  return { units: u?.n, audit };
}

/** A fresh zone of 地河村 with one group in it, made through the API. */
async function zoneWithGroup(cookie: string, zoneName: string) {
  const zone = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: DIHE, name: zoneName } });
  expect(zone.statusCode, zone.body).toBe(201);
  const group = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: zone.json().code, name: `${zoneName}一组` } });
  expect(group.statusCode, group.body).toBe(201);
  return { zone: zone.json().code as string, group: group.json().code as string, groupName: `${zoneName}一组` };
}

describe('the organisation tree', () => {
  it('ships 沾益区 with its 11 townships and 135 villages', async () => {
    const cookie = await t.login('district');
    const res = await t.request({ method: 'GET', url: '/api/units/530303', cookie });
    expect(res.statusCode).toBe(200);
    const unit = res.json();
    expect(unit.name).toBe('沾益区');
    expect(unit.children).toHaveLength(11);
    const villages = unit.children.reduce((n: number, c: { childCount: number }) => n + c.childCount, 0);
    expect(villages).toBe(135);
    expect(unit.children.find((c: { code: string }) => c.code === '530303203').name).toBe('大坡乡');
  });

  it('lets a village cadre create a zone and a group, and refuses bad names', async () => {
    const cookie = await t.login('village');
    const zone = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: DIHE, name: '第三片' } });
    expect(zone.statusCode).toBe(201);
    const before = await written();
    expect(zone.json().code).toBe(`${DIHE}03`);
    expect(zone.json().level).toBe('zone');
    const group = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: zone.json().code, name: '河头组' } });
    expect(group.statusCode).toBe(201);
    expect(group.json().code).toBe(`${DIHE}0301`);

    const dup = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: DIHE, name: '第三片' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'UNIT_NAME_TAKEN', field: 'name' });
    const empty = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: DIHE, name: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('name');
    const long = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: DIHE, name: '长'.repeat(500) } });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].field).toBe('name');
    const underGroup = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: group.json().code, name: 'x' } });
    expect(underGroup.statusCode).toBe(400);
    expect(underGroup.json().error).toMatchObject({ code: 'UNIT_PARENT_LEVEL', field: 'parentCode' });
    const badParent = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: '5303', name: 'x' } });
    expect(badParent.statusCode).toBe(400);
    expect(badParent.json().error.field).toBe('parentCode');
    // Only the group went in (one unit, one audit row); every refusal wrote nothing.
    expect(await written()).toEqual({ units: (before.units ?? 0) + 1, audit: (before.audit ?? 0) + 1 });
  });

  it('renames a zone or group, refusing a taken or empty name and NBS units without writing', async () => {
    const cookie = await t.login('village');
    const zones = (await t.request({ method: 'GET', url: `/api/units/${DIHE}`, cookie })).json().children;
    const [first, second] = zones;
    const before = await written();
    const taken = await t.request({ method: 'PATCH', url: `/api/units/${second.code}`, cookie, payload: { name: first.name } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'UNIT_NAME_TAKEN', field: 'name' });
    const empty = await t.request({ method: 'PATCH', url: `/api/units/${second.code}`, cookie, payload: { name: ' ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('name');
    const village = await t.request({ method: 'PATCH', url: `/api/units/${DIHE}`, cookie, payload: { name: '新地河村' } });
    expect(village.statusCode).toBe(400);
    expect(village.json().error).toMatchObject({ code: 'UNIT_NOT_EDITABLE', field: 'code' });
    const elsewhere = await t.request({ method: 'PATCH', url: '/api/units/53030320320101', cookie, payload: { name: '偷改片' } });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error).toMatchObject({ code: 'OUT_OF_SCOPE', field: 'code' });
    expect(await written()).toEqual(before);
    expect((await t.request({ method: 'GET', url: `/api/units/${second.code}`, cookie })).json().name).toBe(second.name);

    const renamed = await t.request({ method: 'PATCH', url: `/api/units/${second.code}`, cookie, payload: { name: `${second.name}（新）` } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe(`${second.name}（新）`);
    expect(await written()).toEqual({ units: before.units, audit: (before.audit ?? 0) + 1 });
  });

  it('never shows a village cadre another village', async () => {
    const cookie = await t.login('village');
    const other = await t.request({ method: 'GET', url: '/api/units/530303203201', cookie });
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({
      code: 'OUT_OF_SCOPE',
      field: 'code',
      zh: '单位 530303203201 不在您的管辖范围内',
      en: 'Unit 530303203201 is outside your jurisdiction',
    });
    expect(other.body).not.toContain('大坡村');
    const create = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: '530303203201', name: '偷建片' } });
    expect(create.statusCode).toBe(403);
    const search = await t.request({ method: 'GET', url: '/api/units?q=大坡', cookie });
    expect(search.json()).toEqual([]);
  });

  it("answers a probe of another unit's department by id like a missing one", async () => {
    const all = await t.request({ method: 'GET', url: '/api/departments', cookie: await t.login('district') });
    const housing = all.json().find((d: { name: string }) => d.name === '区住房和城乡建设局');
    const cookie = await t.login('township');
    const probe = await t.request({ method: 'PATCH', url: `/api/departments/${housing.id}`, cookie, payload: { name: '偷改局' } });
    expect(probe.statusCode).toBe(404);
    expect(probe.json().error).toMatchObject({ code: 'DEPARTMENT_NOT_FOUND', field: 'departmentId' });
    expect(probe.body).not.toContain('530303');
    const missing = await t.request({ method: 'DELETE', url: '/api/departments/99999999', cookie });
    expect(missing.json().error.code).toBe('DEPARTMENT_NOT_FOUND');
    expect((await t.request({ method: 'DELETE', url: `/api/departments/${housing.id}`, cookie })).statusCode).toBe(404);
  });

  it('rejects malformed and unknown codes with the field named', async () => {
    const cookie = await t.login('district');
    const bad = await t.request({ method: 'GET', url: '/api/units/12345', cookie, headers: { 'accept-language': 'en' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION', field: 'code' });
    expect(bad.json().error.message).toMatch(/digits/);
    const unknown = await t.request({ method: 'GET', url: '/api/units/530303999999', cookie });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'code' });
    const unknownParent = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: '530303999999', name: '无主片' } });
    expect(unknownParent.statusCode).toBe(404);
    expect(unknownParent.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'parentCode' });
  });

  it('moves a group to another zone of its village and refuses other villages', async () => {
    const cookie = await t.login('village');
    const village = (await t.request({ method: 'GET', url: `/api/units/${DIHE}`, cookie })).json();
    const [zone1, zone2] = village.children;
    const z1 = (await t.request({ method: 'GET', url: `/api/units/${zone1.code}`, cookie })).json();
    const group = z1.children.at(-1);
    const moved = await t.request({ method: 'POST', url: `/api/units/${group.code}/move`, cookie, payload: { zoneCode: zone2.code } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().code.startsWith(zone2.code)).toBe(true);
    expect(moved.json().name).toBe(group.name);
    const gone = await t.request({ method: 'GET', url: `/api/units/${group.code}`, cookie });
    expect(gone.statusCode).toBe(404);

    const admin = await t.login('district');
    const zoneElsewhere = await t.request({ method: 'POST', url: '/api/units', cookie: admin, payload: { parentCode: '530303203201', name: '一片' } });
    const across = await t.request({
      method: 'POST',
      url: `/api/units/${moved.json().code}/move`,
      cookie: admin,
      payload: { zoneCode: zoneElsewhere.json().code },
    });
    expect(across.statusCode).toBe(400);
    expect(across.json().error).toMatchObject({ code: 'UNIT_MOVE_VILLAGE', field: 'zoneCode' });
  });

  it('refuses to delete a unit that still holds something, and deletes an empty one', async () => {
    const cookie = await t.login('village');
    const zone = (await t.request({ method: 'GET', url: `/api/units/${DIHE}`, cookie })).json().children[0];
    const refused = await t.request({ method: 'DELETE', url: `/api/units/${zone.code}`, cookie });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('UNIT_NOT_EMPTY');
    const created = (await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: DIHE, name: '临时片' } })).json();
    const deleted = await t.request({ method: 'DELETE', url: `/api/units/${created.code}`, cookie });
    expect(deleted.statusCode).toBe(204);
    const village = await t.request({ method: 'DELETE', url: `/api/units/${DIHE}`, cookie });
    expect(village.statusCode).toBe(400);
    expect(village.json().error.code).toBe('UNIT_NOT_EDITABLE');
  });

  it('appoints and replaces a group leader, and audits it', async () => {
    const cookie = await t.login('village');
    const zone = (await t.request({ method: 'GET', url: `/api/units/${DIHE}`, cookie })).json().children[0];
    const group = (await t.request({ method: 'GET', url: `/api/units/${zone.code}`, cookie })).json().children[1];
    const user = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie,
      payload: { username: 'zhao-gl', displayName: '赵组长', password: 'zhao-pass-2026', role: 'groupLeader', unitCode: group.code, phone: '13912345678' },
    });
    expect(user.statusCode).toBe(201);
    const appointed = await t.request({ method: 'PUT', url: `/api/units/${group.code}/leader`, cookie, payload: { userId: user.json().id } });
    expect(appointed.statusCode).toBe(200);
    expect(appointed.json().leader.displayName).toBe('赵组长');
    const rep = (await t.request({ method: 'GET', url: '/api/users?role=representative', cookie })).json().items[0];
    const wrongRole = await t.request({ method: 'PUT', url: `/api/units/${group.code}/leader`, cookie, payload: { userId: rep.id } });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().error).toMatchObject({ code: 'LEADER_INVALID', field: 'userId' });
    const audit = await t.request({ method: 'GET', url: `/api/audit?entityId=${group.code}`, cookie: await t.login('admin') });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('unit.appointLeader');
  });
  it('refuses to delete a group that holds a matter, naming it, and deletes nothing', async () => {
    const cookie = await t.login('village');
    const { zone, group, groupName } = await zoneWithGroup(cookie, '事项片');
    const matter = await t.request({
      method: 'POST',
      url: '/api/matters',
      cookie,
      payload: { unitCode: group, categoryCode: 'infrastructure', description: '组里的路灯坏了三盏，晚上出行不便' },
    });
    expect(matter.statusCode, matter.body).toBe(201);
    const before = await written();
    const refused = await t.request({ method: 'DELETE', url: `/api/units/${group}`, cookie });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'UNIT_NOT_EMPTY', field: 'code' });
    expect(refused.json().error.zh).toBe(`“${groupName}”下还有1 件诉求，不能删除`);
    expect(refused.json().error.en).toContain('matters: 1');
    const parent = await t.request({ method: 'DELETE', url: `/api/units/${zone}`, cookie, headers: { 'accept-language': 'en' } });
    expect(parent.statusCode).toBe(409);
    expect(parent.json().error.message).toContain('sub-units: 1; matters: 1');
    expect(await written()).toEqual(before);
    expect((await t.request({ method: 'GET', url: `/api/units/${group}`, cookie })).statusCode).toBe(200);
  });

  it('refuses to delete a group with a group robot until the robot is removed', async () => {
    const cookie = await t.login('village');
    const { group } = await zoneWithGroup(cookie, '机器人片');
    const robot = await t.request({
      method: 'POST',
      url: '/api/webhooks',
      cookie,
      payload: { unitCode: group, name: '组群', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=00000000-test' },
    });
    expect(robot.statusCode, robot.body).toBe(201);
    const refused = await t.request({ method: 'DELETE', url: `/api/units/${group}`, cookie });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'UNIT_NOT_EMPTY', field: 'code' });
    expect(refused.json().error.zh).toContain('1 个群机器人');
    const still = await t.request({ method: 'GET', url: `/api/webhooks?unitCode=${group}`, cookie });
    expect(still.json().map((r: { id: number }) => r.id)).toEqual([robot.json().id]);

    expect((await t.request({ method: 'DELETE', url: `/api/webhooks/${robot.json().id}`, cookie })).statusCode).toBe(204);
    const deleted = await t.request({ method: 'DELETE', url: `/api/units/${group}`, cookie });
    expect(deleted.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/units/${group}`, cookie })).statusCode).toBe(404);
  });

  it('counts API keys (revoked ones too) and visit records as what a unit holds', async () => {
    const village = await t.login('village');
    const district = await t.login('district');
    const keyed = await zoneWithGroup(village, '密钥片');
    const key = await t.request({ method: 'POST', url: '/api/api-keys', cookie: district, payload: { name: '组网格平台', unitCode: keyed.group } });
    expect(key.statusCode, key.body).toBe(201);
    expect((await t.request({ method: 'DELETE', url: `/api/api-keys/${key.json().id}`, cookie: district })).statusCode).toBe(204);
    const refused = await t.request({ method: 'DELETE', url: `/api/units/${keyed.group}`, cookie: village });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.zh).toContain('1 个接口密钥');

    const visited = await zoneWithGroup(village, '走访片');
    const household = await buildHousehold(t, { unitCode: visited.group });
    // Two visits by the demo representative (of 地河一组), linked to the household by the village.
    await apply(await ctxAs(t, 'village'), {
      assignments: [{ householdId: household.id, representativeUserId: (await ctxAs(t, 'representative')).actor?.userId as number }],
    });
    const rep = await ctxAs(t, 'representative');
    for (const i of [1, 2]) await logVisit(rep, { householdId: household.id, kind: 'home', visitedAt: t.clock.now(), clientKey: `org-test-${i}` });
    await t.drainEvents();
    const held = await t.request({ method: 'DELETE', url: `/api/units/${visited.group}`, cookie: village });
    expect(held.statusCode).toBe(409);
    expect(held.json().error.zh).toContain('1 户、2 条走访记录');
  });

  it('answers a reference no holdings check counts with UNIT_NOT_EMPTY, not a database error', async () => {
    const cookie = await t.login('village');
    const { group } = await zoneWithGroup(cookie, '外键片');
    // Departments belong to districts and townships; written straight in, one points at a group.
    await t.database.db.insert(departments).values({ unitCode: group, name: '外键测试部门' });
    const before = await written();
    const refused = await t.request({ method: 'DELETE', url: `/api/units/${group}`, cookie });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'UNIT_NOT_EMPTY', field: 'code' });
    expect(refused.json().error.zh).toContain('其他记录');
    expect(await written()).toEqual(before);
  });

  it('turns a concurrent duplicate name into UNIT_NAME_TAKEN and concurrent creates into distinct codes', async () => {
    const cookie = await t.login('village');
    const zone = (await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: DIHE, name: '并发片' } })).json().code;
    const names = ['并发甲组', '并发乙组', '并发丙组', '并发甲组', '并发甲组'];
    const before = await written();
    const results = await Promise.all(names.map((name) => t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: zone, name } })));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    for (const r of results.filter((x) => x.statusCode !== 201)) {
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'UNIT_NAME_TAKEN', field: 'name' });
    }
    const created = results.filter((r) => r.statusCode === 201).map((r) => r.json());
    expect(new Set(created.map((u: { code: string }) => u.code)).size).toBe(3);
    expect(created.map((u: { name: string }) => u.name).sort()).toEqual(['并发丙组', '并发乙组', '并发甲组'].sort());
    expect(await written()).toEqual({ units: (before.units ?? 0) + 3, audit: (before.audit ?? 0) + 3 });

    // Two renames racing for one name: one wins, the other is told the name is taken.
    const [a, b] = created as { code: string }[];
    const renames = await Promise.all([a, b].map((u) => t.request({ method: 'PATCH', url: `/api/units/${u?.code}`, cookie, payload: { name: '并发同名组' } })));
    expect(renames.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(renames.find((r) => r.statusCode === 409)?.json().error).toMatchObject({ code: 'UNIT_NAME_TAKEN', field: 'name' });
  });
});

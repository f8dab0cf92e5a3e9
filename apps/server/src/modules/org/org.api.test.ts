import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';

const t = useTestApp();

const DIHE = '530303203211';

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
    expect(underGroup.json().error.code).toBe('UNIT_PARENT_LEVEL');
  });

  it('never shows a village cadre another village', async () => {
    const cookie = await t.login('village');
    const other = await t.request({ method: 'GET', url: '/api/units/530303203201', cookie });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    expect(other.body).not.toContain('大坡村');
    const create = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: '530303203201', name: '偷建片' } });
    expect(create.statusCode).toBe(403);
    const search = await t.request({ method: 'GET', url: '/api/units?q=大坡', cookie });
    expect(search.json()).toEqual([]);
  });

  it('rejects malformed and unknown codes with the field named', async () => {
    const cookie = await t.login('district');
    const bad = await t.request({ method: 'GET', url: '/api/units/12345', cookie, headers: { 'accept-language': 'en' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('code');
    expect(bad.json().error.message).toMatch(/digits/);
    const unknown = await t.request({ method: 'GET', url: '/api/units/530303999999', cookie });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('UNIT_NOT_FOUND');
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
      payload: { username: 'zhao-gl', displayName: '赵组长', password: 'secret123', role: 'groupLeader', unitCode: group.code, phone: '13912345678' },
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
});

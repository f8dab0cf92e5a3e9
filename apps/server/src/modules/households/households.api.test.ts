import { ageOn, beijingDate, maskIdNumber } from '@jiceng/shared';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { makeIdNumber } from './test-ids';

const t = useTestApp();

const GROUP1 = '5303032032110101'; // 地河一组
const GROUP3 = '5303032032110103'; // 地河三组
const OTHER_VILLAGE = '530303203201';
const ID_HEAD = makeIdNumber('530303', '19700312', 11);
const ID_WIFE = makeIdNumber('530303', '19720504', 22);

function household(over: Record<string, unknown> = {}) {
  return {
    unitCode: GROUP1,
    address: '地河村一组 18 号',
    householdNo: 'DH-001',
    tags: ['独居老人'],
    residents: [
      { name: '张大山', relation: '户主', idNumber: ID_HEAD, phone: '138 0874 5678', ethnicity: '汉族', politicalStatus: '中共党员' },
      { name: '李秀英', relation: '配偶', idNumber: ID_WIFE.toLowerCase(), phone: '0874-3012345' },
    ],
    ...over,
  };
}

async function create(cookie: string, body: Record<string, unknown>) {
  return t.request({ method: 'POST', url: '/api/households', cookie, payload: body });
}

describe('the household register', () => {
  let id: number;

  it('registers a household with its members, masked in every answer', async () => {
    const cookie = await t.login('village');
    const res = await create(cookie, household());
    expect(res.statusCode).toBe(201);
    const h = res.json();
    id = h.id;
    expect(h).toMatchObject({
      unitCode: GROUP1,
      unitName: '地河一组',
      headName: '张大山',
      tier: 'blue',
      phone: '138****5678',
      tags: ['独居老人'],
      canReveal: true,
    });
    expect(h.residents[0]).toMatchObject({
      name: '张大山',
      relation: '户主',
      idNumber: maskIdNumber(ID_HEAD),
      gender: 'male',
      age: ageOn('1970-03-12', beijingDate(t.clock.now())),
      partyMember: true,
    });
    expect(h.residents[1]).toMatchObject({ gender: 'female', phone: '0874-***2345' });
    expect(res.body).not.toContain(ID_HEAD);
    expect(res.body).not.toContain('13808745678');

    const list = await t.request({ method: 'GET', url: '/api/households?q=张大', cookie });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(1);
    expect(list.json().items[0]).toMatchObject({ id, memberCount: 2, headIdNumber: maskIdNumber(ID_HEAD), phone: '138****5678' });
    expect(list.body).not.toContain(ID_HEAD);
    const byTag = await t.request({ method: 'GET', url: `/api/households?tags=${encodeURIComponent('独居老人')}&unitCode=${GROUP1}`, cookie });
    expect(byTag.json().total).toBe(1);
    const none = await t.request({ method: 'GET', url: '/api/households?tier=red', cookie });
    expect(none.json().total).toBe(0);
  });

  it('names the field and the reason for bad input, in both languages', async () => {
    const cookie = await t.login('village');
    const bad = household({ residents: [{ name: '王五', relation: '户主', idNumber: '530303197003120110', phone: '12345' }] });
    const res = await create(cookie, bad);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(['residents.0.idNumber', 'residents.0.phone']);
    expect(res.json().error.details[0].zh).toContain('校验位');
    expect(res.json().error.details[0].en).toContain('check character');

    const noHead = await create(cookie, household({ residents: [{ name: '王五', relation: '子' }] }));
    expect(noHead.statusCode).toBe(400);
    expect(noHead.json().error).toMatchObject({ code: 'HOUSEHOLD_HEAD', field: 'residents' });

    const dup = await create(cookie, household({ residents: [{ name: '张小山', relation: '户主', idNumber: ID_HEAD }] }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'ID_NUMBER_TAKEN', field: 'residents.0.idNumber' });

    const zone = await create(cookie, household({ unitCode: '53030320321101', residents: [{ name: '甲', relation: '户主' }] }));
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error).toMatchObject({ code: 'HOUSEHOLD_UNIT_LEVEL', field: 'unitCode' });
  });

  it('changes the tier with a reason, keeps the history and audits it', async () => {
    const cookie = await t.login('village');
    t.clock.advance(3600_000);
    const res = await t.request({
      method: 'POST',
      url: `/api/households/${id}/tier`,
      cookie,
      payload: { tier: 'red', category: '突发严重困难户', reason: '户主因病住院' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ tier: 'red', tierCategory: '突发严重困难户' });
    expect(res.json().tierHistory).toHaveLength(1);
    expect(res.json().tierHistory[0]).toMatchObject({ fromTier: 'blue', toTier: 'red', reason: '户主因病住院', changedByName: '地河村两委（演示）' });
    const again = await t.request({
      method: 'POST',
      url: `/api/households/${id}/tier`,
      cookie,
      payload: { tier: 'red', category: '突发严重困难户', reason: 'x' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('TIER_UNCHANGED');
    const noReason = await t.request({ method: 'POST', url: `/api/households/${id}/tier`, cookie, payload: { tier: 'yellow', reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const audit = await t.request({ method: 'GET', url: `/api/audit?entityType=household&entityId=${id}`, cookie: await t.login('admin') });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['household.tier', 'household.create']);
    expect(JSON.stringify(audit.json())).not.toContain(ID_HEAD);
    const red = await t.request({ method: 'GET', url: '/api/households?tier=red', cookie });
    expect(red.json().total).toBe(1);
  });

  it('never lets a village cadre see or write another village', async () => {
    const district = await t.login('district');
    const elsewhere = await create(district, household({ unitCode: OTHER_VILLAGE, householdNo: null, residents: [{ name: '赵四', relation: '户主' }] }));
    expect(elsewhere.statusCode).toBe(201);
    const cookie = await t.login('village');
    const read = await t.request({ method: 'GET', url: `/api/households/${elsewhere.json().id}`, cookie });
    // Out of reach answers like missing: neither existence nor the other unit is confirmed.
    expect(read.statusCode).toBe(404);
    expect(read.json().error).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND', field: 'id' });
    expect(read.body).not.toContain('赵四');
    expect(read.body).not.toContain(OTHER_VILLAGE);
    const missing = await t.request({ method: 'GET', url: '/api/households/99999999', cookie });
    expect(missing.json().error.code).toBe(read.json().error.code);
    const list = await t.request({ method: 'GET', url: `/api/households?unitCode=${OTHER_VILLAGE}`, cookie });
    expect(list.statusCode).toBe(403);
    const mine = await t.request({ method: 'GET', url: '/api/households', cookie });
    expect(mine.json().items.map((h: { headName: string }) => h.headName)).not.toContain('赵四');
    const write = await create(cookie, household({ unitCode: OTHER_VILLAGE, residents: [{ name: '钱五', relation: '户主' }] }));
    expect(write.statusCode).toBe(403);
    expect(write.json().error).toMatchObject({ code: 'OUT_OF_SCOPE', field: 'unitCode' });
    const tier = await t.request({ method: 'POST', url: `/api/households/${elsewhere.json().id}/tier`, cookie, payload: { tier: 'red', reason: 'x' } });
    expect(tier.statusCode).toBe(404);
    const link = await t.request({ method: 'GET', url: `/api/matters/report-link?householdId=${elsewhere.json().id}`, cookie });
    expect(link.statusCode).toBe(404);
  });

  it('shows representatives and group leaders masked values only', async () => {
    for (const who of ['representative', 'groupLeader', 'supervisor']) {
      const cookie = await t.login(who);
      const res = await t.request({ method: 'GET', url: `/api/households/${id}`, cookie });
      expect(res.statusCode).toBe(200);
      expect(res.json().canReveal).toBe(false);
      expect(res.body).not.toContain(ID_HEAD);
      const reveal = await t.request({ method: 'POST', url: `/api/households/${id}/reveal`, cookie, payload: {} });
      expect(reveal.statusCode).toBe(403);
      const exported = await t.request({ method: 'GET', url: `/api/households/export?unitCode=${GROUP1}&reveal=true`, cookie });
      expect(exported.statusCode).toBe(403);
      const write = await t.request({ method: 'PATCH', url: `/api/households/${id}`, cookie, payload: { address: 'x' } });
      expect(write.statusCode).toBe(403);
    }
    const dept = await t.request({ method: 'GET', url: '/api/households', cookie: await t.login('department') });
    expect(dept.statusCode).toBe(403);
  });

  it('reveals full values to a cadre whose unit covers the household, and audits each look', async () => {
    const cookie = await t.login('village');
    const res = await t.request({ method: 'POST', url: `/api/households/${id}/reveal`, cookie, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('13808745678');
    expect(res.json().residents.map((r: { idNumber: string }) => r.idNumber)).toEqual([ID_HEAD, ID_WIFE]);
    const wifeId = res.json().residents[1].id;
    const one = await t.request({ method: 'POST', url: `/api/households/${id}/reveal`, cookie: await t.login('township'), payload: { residentIds: [wifeId] } });
    expect(one.json().residents).toEqual([{ id: wifeId, name: '李秀英', idNumber: ID_WIFE, birthDate: '1972-05-04', phone: '0874-3012345' }]);
    const audit = await t.request({ method: 'GET', url: `/api/audit?action=pii.reveal&entityId=${id}`, cookie: await t.login('admin') });
    const rows = audit.json().items;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actorName: 'township', after: { fields: ['idNumber', 'phone'], residentIds: [wifeId] } });
    expect(rows[1]).toMatchObject({ actorName: 'village', unitCode: GROUP1 });
  });

  it('edits households and members, keeping the head name in step', async () => {
    const cookie = await t.login('village');
    const moved = await t.request({
      method: 'PATCH',
      url: `/api/households/${id}`,
      cookie,
      payload: { unitCode: GROUP3, address: '地河村三组 2 号', tags: ['独居老人', '低保'] },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ unitCode: GROUP3, unitName: '地河三组', tags: ['独居老人', '低保'] });
    const head = moved.json().residents[0];
    const renamed = await t.request({ method: 'PATCH', url: `/api/households/${id}/residents/${head.id}`, cookie, payload: { name: '张大川' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().headName).toBe('张大川');
    const revealed = await t.request({ method: 'POST', url: `/api/households/${id}/reveal`, cookie, payload: {} });
    expect(revealed.json().residents.find((r: { id: number }) => r.id === head.id).birthDate).toBe('1970-03-12');
    const child = await t.request({
      method: 'POST',
      url: `/api/households/${id}/residents`,
      cookie,
      payload: { name: '张小川', relation: '子', idNumber: makeIdNumber('530303', '20050101', 33), birthDate: '2005-01-02' },
    });
    expect(child.statusCode).toBe(400);
    expect(child.json().error.details[0]).toMatchObject({ field: 'birthDate', en: expect.stringContaining('does not match') });
    const ok = await t.request({
      method: 'POST',
      url: `/api/households/${id}/residents`,
      cookie,
      payload: { name: '张小川', relation: '子', idNumber: makeIdNumber('530303', '20050101', 33) },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().residents).toHaveLength(3);
    const removeHead = await t.request({ method: 'DELETE', url: `/api/households/${id}/residents/${head.id}`, cookie });
    expect(removeHead.statusCode).toBe(400);
    expect(removeHead.json().error.code).toBe('HEAD_NOT_REMOVABLE');
    const childId = ok.json().residents[2].id;
    const removed = await t.request({ method: 'DELETE', url: `/api/households/${id}/residents/${childId}`, cookie });
    expect(removed.json().residents).toHaveLength(2);
  });

  it('counts households per tier for each child unit, and keeps a group with households from being deleted', async () => {
    const cookie = await t.login('village');
    await create(cookie, household({ unitCode: GROUP1, householdNo: 'DH-002', tier: 'yellow', residents: [{ name: '孙六', relation: '户主' }] }));
    const counts = await t.request({ method: 'GET', url: '/api/households/counts?unitCode=530303203211', cookie });
    expect(counts.statusCode).toBe(200);
    expect(counts.json().totals).toEqual({ red: 1, yellow: 1, blue: 0, total: 2 });
    expect(counts.json().children.map((c: { name: string; total: number }) => [c.name, c.total])).toEqual([
      ['第一片', 2],
      ['第二片', 0],
    ]);
    const zone = await t.request({ method: 'GET', url: '/api/households/counts?unitCode=53030320321101', cookie });
    expect(zone.json().children.find((c: { code: string }) => c.code === GROUP3)).toMatchObject({ red: 1, total: 1 });
    const township = await t.request({ method: 'GET', url: '/api/households/counts?unitCode=530303203', cookie: await t.login('township') });
    expect(township.json().children.find((c: { code: string }) => c.code === OTHER_VILLAGE).total).toBe(1);

    const del = await t.request({ method: 'DELETE', url: `/api/units/${GROUP3}`, cookie });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.zh).toContain('1 户');
    const gone = await t.request({ method: 'DELETE', url: `/api/households/${id}`, cookie });
    expect(gone.statusCode).toBe(204);
    expect((await t.request({ method: 'DELETE', url: `/api/units/${GROUP3}`, cookie })).statusCode).toBe(204);
  });
});

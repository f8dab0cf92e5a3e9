import { ageOn, beijingDate, maskIdNumber } from '@jiceng/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { makeIdNumber } from './test-ids';

const t = useTestApp();

const GROUP1 = '5303032032110101'; // 地河一组 (the representative's and group leader's)
const GROUP3 = '5303032032110103'; // 地河三组, same village
const VILLAGE = '530303203211';
const BIRTH = '19640817';
const ID = makeIdNumber('530303', BIRTH, 21);

/** Every cell of the first sheet, as text, header row first. */
async function sheet(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const out: string[][] = [];
  (wb.worksheets[0] as ExcelJS.Worksheet).eachRow((row) => {
    out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : v instanceof Date ? v.toISOString() : String(v))));
  });
  return out;
}

/** Nothing in `text` holds the birth date in any usual spelling, or the full number. */
function expectNoBirthDate(text: string) {
  for (const s of [ID, BIRTH, '1964-08-17', '1964/8/17', '1964-08', '1964年']) expect(text).not.toContain(s);
}

describe('masked ID numbers cannot be rebuilt', () => {
  let id = 0;
  it('the household API gives the age, never the birth date, to whoever may not reveal', async () => {
    const village = await t.login('village');
    const res = await t.request({
      method: 'POST',
      url: '/api/households',
      cookie: village,
      payload: { unitCode: GROUP1, address: '地河村一组 7 号', residents: [{ name: '赵德兴', relation: '户主', idNumber: ID, birthDate: '1964-08-17' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const age = ageOn('1964-08-17', beijingDate(t.clock.now()));
    expect(age).toBeGreaterThan(50);
    for (const user of ['representative', 'groupLeader', 'village']) {
      const cookie = await t.login(user);
      const detail = await t.request({ method: 'GET', url: `/api/households/${id}`, cookie });
      expect(detail.statusCode, detail.body).toBe(200);
      const [head] = detail.json().residents;
      expect(head).toMatchObject({ name: '赵德兴', idNumber: maskIdNumber(ID), age });
      expect(head).not.toHaveProperty('birthDate');
      expectNoBirthDate(detail.body);
      const list = await t.request({ method: 'GET', url: `/api/households?unitCode=${GROUP1}`, cookie });
      expect(list.statusCode).toBe(200);
      expectNoBirthDate(list.body);
    }
    // The number's check character is hidden too: with the age it would narrow the birth date to ~33 days.
    expect(maskIdNumber(ID)?.endsWith('*')).toBe(true);
    // The birth date comes with the full number, through the audited reveal.
    const revealed = await t.request({ method: 'POST', url: `/api/households/${id}/reveal`, cookie: village, payload: {} });
    expect(revealed.json().residents[0]).toMatchObject({ idNumber: ID, birthDate: '1964-08-17' });
    expect((await t.request({ method: 'POST', url: `/api/households/${id}/reveal`, cookie: await t.login('representative'), payload: {} })).statusCode).toBe(
      403,
    );
  });

  it('the masked xlsx export has an age column and no birth date; the revealed one has both numbers in full', async () => {
    const get = async (user: string, reveal: boolean) => {
      const res = await t.request({
        method: 'GET',
        url: `/api/households/export?unitCode=${GROUP1}${reveal ? '&reveal=true' : ''}`,
        cookie: await t.login(user),
      });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      return sheet(res.rawPayload);
    };
    for (const user of ['representative', 'village']) {
      const rows = await get(user, false);
      const header = rows[0] as string[];
      expect(header).toContain('年龄');
      expect(header).not.toContain('出生日期');
      const row = rows.find((r) => r.includes('赵德兴')) as string[];
      expect(row[header.indexOf('年龄')]).toBe(String(ageOn('1964-08-17', beijingDate(t.clock.now()))));
      expect(row[header.indexOf('身份证号')]).toBe(maskIdNumber(ID));
      expectNoBirthDate(rows.flat().join('\n'));
    }
    const full = await get('village', true);
    const header = full[0] as string[];
    const row = full.find((r) => r.includes('赵德兴')) as string[];
    expect(row[header.indexOf('身份证号')]).toBe(ID);
    expect(row[header.indexOf('出生日期')]).toMatch(/^1964-08-17/);
  });

  it('a household out of reach answers 404 like a missing one, naming no unit', async () => {
    const village = await t.login('village');
    const res = await t.request({
      method: 'POST',
      url: '/api/households',
      cookie: village,
      payload: { unitCode: GROUP3, address: '地河村三组 9 号', residents: [{ name: '钱有福', relation: '户主' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const other = res.json().id;
    const leader = await t.login('groupLeader');
    const missing = await t.request({ method: 'GET', url: '/api/households/99999999', cookie: leader });
    for (const [method, url] of [
      ['GET', `/api/households/${other}`],
      ['GET', `/api/matters/report-link?householdId=${other}`],
    ] as const) {
      const probe = await t.request({ method, url, cookie: leader });
      expect(probe.statusCode, `${method} ${url}`).toBe(404);
      expect(probe.json().error.code).toBe('HOUSEHOLD_NOT_FOUND');
      expect(probe.body).not.toContain(GROUP3);
      expect(probe.body).not.toContain(VILLAGE);
      expect(probe.json().error.zh.replace(String(other), 'N')).toBe(missing.json().error.zh.replace('99999999', 'N'));
    }
  });
});

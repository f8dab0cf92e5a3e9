/**
 * The register list's search (q) over members: names for everyone; ID numbers (whole or trailing
 * digits) and phones for those who may reveal them; only a phone's last 4 digits (what the masked
 * list shows anyway) for those who may not.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { makeIdNumber } from './test-ids';

const t = useTestApp();

const GROUP_ONE = '5303032032110101'; // 地河一组, the representative's group
const HEAD_ID = makeIdNumber('530303', '19640809', 771);
const MEMBER_ID = makeIdNumber('530303', '19920304', 772);
const MEMBER_PHONE = '13908749371';

async function importFamily() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['与户主关系', '姓名', '身份证号', '联系电话', '住址']);
  ws.addRow(['户主', '龙大树', HEAD_ID, '', '地河一组 71 号']);
  ws.addRow(['女', '龙小枝', MEMBER_ID, MEMBER_PHONE, '']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = `----jiceng${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const res = await t.request({
    method: 'POST',
    url: `/api/households/import?unitCode=${GROUP_ONE}&dryRun=false`,
    cookie: await t.login('village'),
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.statusCode).toBe(200);
}

async function search(who: string, q: string): Promise<string[]> {
  const res = await t.request({ method: 'GET', url: `/api/households?q=${encodeURIComponent(q)}&limit=200`, cookie: await t.login(who) });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((h: { headName: string }) => h.headName);
}

describe('register search over members', () => {
  beforeAll(importFamily);

  it('finds a household by a member name, for everyone who may read it', async () => {
    expect(await search('village', '龙小枝')).toEqual(['龙大树']);
    expect(await search('representative', '小枝')).toEqual(['龙大树']);
  });

  it('finds by a whole ID number, its trailing digits or phone digits for one who may reveal', async () => {
    expect(await search('village', MEMBER_ID)).toEqual(['龙大树']);
    expect(await search('village', MEMBER_ID.slice(-6))).toContain('龙大树');
    expect(await search('village', MEMBER_ID.slice(-4).toLowerCase())).toContain('龙大树');
    expect(await search('village', MEMBER_PHONE)).toEqual(['龙大树']);
    expect(await search('village', '139 0874 9371')).toEqual(['龙大树']);
    expect(await search('village', '9371')).toContain('龙大树');
  });

  it('never matches ID numbers or hidden phone digits for one who may not reveal', async () => {
    expect(await search('representative', MEMBER_ID)).toEqual([]);
    expect(await search('representative', HEAD_ID.slice(-6))).not.toContain('龙大树');
    expect(await search('representative', MEMBER_ID.slice(-4))).not.toContain('龙大树');
    expect(await search('representative', MEMBER_PHONE)).toEqual([]);
    expect(await search('representative', '9087493')).toEqual([]);
    // The last 4 digits are shown in the masked list (139****9371): searching them reveals nothing new.
    expect(await search('representative', '9371')).toContain('龙大树');
  });
});

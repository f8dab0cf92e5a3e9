/**
 * Import as an update (issue 10 item 18): households matched by the head's ID number, a dry run
 * previewing each change field by field, then one all-or-nothing, audited write.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { makeIdNumber } from './test-ids';

const t = useTestApp();

const VILLAGE = '530303203211'; // 地河村
const A = makeIdNumber('530303', '19580101', 801); // 田大 (head)
const B = makeIdNumber('530303', '19600202', 802); // 田二
const C = makeIdNumber('530303', '19620303', 803); // 石三 (head)
const D = makeIdNumber('530303', '20100404', 804); // 田小 (new member)
const E = makeIdNumber('530303', '19640505', 805); // 杜四 (new household)

const HEADER = ['户编号', '与户主关系', '姓名', '身份证号', '联系电话', '所属村民小组', '住址', '户类别', '', '备注说明栏'];

async function book(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['地河村民情台账（更新）']);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(4).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(file: Buffer, query: string) {
  const boundary = `----jiceng${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="更新.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return t.request({
    method: 'POST',
    url: `/api/households/import?unitCode=${VILLAGE}&${query}`,
    cookie: await t.login('village'),
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

async function householdOf(headName: string) {
  const cookie = await t.login('village');
  const list = (await t.request({ method: 'GET', url: `/api/households?unitCode=${VILLAGE}&q=${encodeURIComponent(headName)}`, cookie })).json();
  if (list.items.length !== 1) return null;
  return (await t.request({ method: 'GET', url: `/api/households/${list.items[0].id}`, cookie })).json();
}

const BASE = [
  ['1', '户主', '田大', A, '', '地河一组', '地河一组 80 号', '', '', ''],
  ['1', '妻', '田二', B, '', '地河一组', '', '', '', ''],
  ['2', '户主', '石三', C, '13908748003', '地河二组', '地河二组 81 号', '一般户', '', ''],
];

const UPDATE = [
  ['1', '户主', '田大', A, '', '地河一组', '地河一组 80 号附 1', '监测户', '', ''],
  ['1', '妻', '田二', B, '13908748002', '', '', '', '', ''],
  ['1', '子', '田小', D, '', '', '', '', '', ''],
  ['2', '户主', '石三', C, '13908748003', '地河二组', '地河二组 81 号', '一般户', '', ''], // unchanged
  ['3', '户主', '杜四', E, '', '新村组', '新村 82 号', '', '', ''],
];

describe('import updating the register', () => {
  it('previews the changes field by field, writes nothing on a dry run, then applies them in one go with an audit', async () => {
    expect((await upload(await book(BASE), 'dryRun=false')).statusCode).toBe(200);
    const file = await book(UPDATE);

    // Without update=true the registered heads are refused as before.
    const plain = await upload(file, 'dryRun=true');
    expect(plain.json().ok).toBe(false);
    expect((plain.json().errors as { row: number }[]).map((e) => e.row)).toEqual([3, 4, 6]);

    const dry = await upload(file, 'dryRun=true&update=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ ok: true, households: 1, updated: 1, errorCount: 0 });
    const [tian] = dry.json().updates;
    expect(tian).toMatchObject({ row: 3, headName: '田大' });
    expect(tian.changes).toEqual([
      { field: 'address', column: '住址', member: null, before: '地河一组 80 号', after: '地河一组 80 号附 1' },
      { field: 'tier', column: '户类别', member: null, before: '一般户', after: '监测户' },
      { field: 'phone', column: '联系电话', member: '田二', before: null, after: '13908748002' },
      { field: 'name', column: '姓名', member: '田小', before: null, after: '新增成员（子）' },
    ]);
    const untouched = await householdOf('田大');
    expect(untouched).toMatchObject({ address: '地河一组 80 号', tier: 'blue', unitName: '地河一组' });
    expect(untouched.residents).toHaveLength(2);
    expect(await householdOf('杜四')).toBeNull();

    const real = await upload(file, 'dryRun=false&update=true');
    expect(real.statusCode).toBe(200);
    expect(real.json()).toMatchObject({ ok: true, households: 1, updated: 1 });
    const after = await householdOf('田大');
    expect(after).toMatchObject({ address: '地河一组 80 号附 1', tier: 'red', unitName: '地河一组' });
    expect(after.residents.map((r: { name: string }) => r.name)).toEqual(['田大', '田二', '田小']);
    expect(after.tierHistory[0]).toMatchObject({ fromTier: 'blue', toTier: 'red', reason: '导入更新' });
    expect(await householdOf('杜四')).toMatchObject({ unitName: '新村组' });
    expect(await householdOf('石三')).toMatchObject({ address: '地河二组 81 号', tier: 'blue' });

    const audit = await t.request({ method: 'GET', url: '/api/audit?action=household.import', cookie: await t.login('admin') });
    expect(audit.json().items[0].after).toMatchObject({ households: 1, updated: [{ householdId: after.id, fields: ['address', 'tier', 'phone', 'name'] }] });
    expect(JSON.stringify(audit.json().items[0].after)).not.toContain('13908748002');
  });

  it('writes nothing when one row of an update is wrong', async () => {
    const rows = [
      ['1', '户主', '田大', A, '', '地河三组', '地河三组 90 号', '', '', ''], // would move the household
      ['1', '子', '石三', C, '', '', '', '', '', ''], // 石三 heads another household
    ];
    const res = await upload(await book(rows), 'dryRun=false&update=true');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ row: 4, field: 'idNumber', en: 'the ID number is already in the register' })]);
    expect(await householdOf('田大')).toMatchObject({ address: '地河一组 80 号附 1', unitName: '地河一组' });

    // The same move alone is previewed as a change of group and applied.
    const move = await upload(await book(rows.slice(0, 1)), 'dryRun=true&update=true');
    expect(move.json().updates[0].changes).toEqual([
      { field: 'groupName', column: '所属村民小组', member: null, before: '地河一组', after: '地河三组' },
      { field: 'address', column: '住址', member: null, before: '地河一组 80 号附 1', after: '地河三组 90 号' },
    ]);
    expect((await upload(await book(rows.slice(0, 1)), 'dryRun=false&update=true')).statusCode).toBe(200);
    expect(await householdOf('田大')).toMatchObject({ address: '地河三组 90 号', unitName: '地河三组' });
  });
});

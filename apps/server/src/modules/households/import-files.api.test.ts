/**
 * Registers as village clerks really make them (issue 10 items 15–17): a merged title row above
 * the header, blank and unknown columns, other header words, an ID column Excel typed as numbers.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { makeIdNumber } from './test-ids';

const t = useTestApp();

const VILLAGE = '530303203211'; // 地河村
const GROUP_ONE = '5303032032110101'; // 地河一组
const id = (birth: string, seq: number) => makeIdNumber('530303', birth, seq);

function multipart(content: Buffer) {
  const boundary = `----jiceng${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="台账.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A clerk's workbook: a merged title over the header, a blank spacer row, cells as given (numbers stay numbers). */
async function clerkBook(header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年台账');
  ws.addRow(['地河村民情台账（2026 年 3 月更新）']);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow([]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(file: Buffer, { dryRun, unitCode = VILLAGE }: { dryRun: boolean; unitCode?: string }) {
  return t.request({
    method: 'POST',
    url: `/api/households/import?unitCode=${unitCode}&dryRun=${dryRun}`,
    cookie: await t.login('village'),
    ...multipart(file),
  });
}

type Issue = { row: number; column: string; field: string; zh: string; en: string };

describe('registers as villages keep them', () => {
  it('reads 所属村民小组 and other real header words under a merged title, naming every unknown header', async () => {
    const header = ['序号', '户主姓名（必填）', '与户主的关系：', '姓 名*', '', '公民身份号码', '手机号', '所属村民小组', '家庭住址', '', '备用列'];
    const rows = [
      [1, '陶大江', '户主', '陶大江', '', id('19710203', 501), '13908745001', '地河二组', '地河二组 21 号', '', 'x'],
      [2, '陶大江', '妻', '罗小梅', '', id('19730405', 502), '', '地河二组', '', '', ''],
      [3, '', '户主', '何长顺', '', id('19660708', 503), '', '新村组', '新村 22 号', '', ''],
    ];
    const file = await clerkBook(header, rows);
    const dry = await upload(file, { dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ ok: true, households: 2, residents: 3, unknownColumns: ['序号', '备用列'] });
    const warned = (dry.json().warnings as Issue[]).map((w) => [w.row, w.column]);
    expect(warned).toEqual([
      [3, '序号'],
      [3, '备用列'],
    ]);
    const real = await upload(file, { dryRun: false });
    expect(real.statusCode).toBe(200);
    const cookie = await t.login('village');
    const tao = (await t.request({ method: 'GET', url: `/api/households?unitCode=${VILLAGE}&q=${encodeURIComponent('陶大江')}`, cookie })).json();
    expect(tao.items).toHaveLength(1);
    expect(tao.items[0]).toMatchObject({ unitName: '地河二组', memberCount: 2 });
    const he = (await t.request({ method: 'GET', url: `/api/households?unitCode=${VILLAGE}&q=${encodeURIComponent('何长顺')}`, cookie })).json();
    expect(he.items[0]).toMatchObject({ unitName: '新村组' });
  });

  it('names unknown headers when required columns are missing', async () => {
    const res = await upload(await clerkBook(['姓名', '与户主关系', '身份号', '住址', '片区'], [['甲', '户主', id('19800101', 510), 'x', '一片']]), {
      dryRun: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_COLUMNS_MISSING', field: 'file' });
    expect(res.json().error.zh).toContain('身份证号');
    expect(res.json().error.zh).toContain('未识别的列：“身份号”、“片区”');
    expect(res.json().error.en).toContain('unrecognised columns: “身份号”、“片区”');
  });

  it('never ignores a group column: an unknown group header is read as the group, and a group import refuses other groups', async () => {
    const header = ['与户主关系', '姓名', '身份证号码', '住址', '所在村民组'];
    const rows = [
      ['户主', '普一', id('19700101', 521), '一组 1 号', '地河一组'],
      ['户主', '普二', id('19700102', 522), '二组 2 号', '地河二组'],
    ];
    const dry = await upload(await clerkBook(header, rows), { dryRun: true, unitCode: GROUP_ONE });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().ok).toBe(false);
    const errors = dry.json().errors as Issue[];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 5, column: '所在村民组', field: 'groupName' });
    expect(errors[0]?.zh).toContain('本次导入到“地河一组”');
    expect(errors[0]?.zh).toContain('“地河二组”');
    expect((dry.json().warnings as Issue[]).some((w) => w.column === '所在村民组' && w.en.includes('read as the group'))).toBe(true);
    const real = await upload(await clerkBook(header, rows), { dryRun: false, unitCode: GROUP_ONE });
    expect(real.statusCode).toBe(400);
    expect(real.json().error.code).toBe('IMPORT_ROWS_INVALID');
  });

  it('reports one fault once: an empty head name, an empty relation, an unknown group with the valid ones', async () => {
    const header = ['户编号', '户主姓名', '与户主关系', '姓名', '身份证号', '所属组', '住址'];
    const rows = [
      ['1', '', '户主', '', id('19600101', 531), '地河一组', '一组 31 号'], // row 4: empty name
      ...[532, 533, 534, 535, 536, 537].map((seq, i) => ['1', '', '子', `成员${i}`, id(`199${i}0101`, seq), '地河一组', '']),
      ['2', '', '', '杨二', id('19610101', 538), '地河一组', '一组 32 号'], // row 11: empty relation (the only member)
      ['3', '', '户主', '杨三', id('19620101', 539), '地河九组', '九组 33 号'], // row 12: no such group
    ];
    // The six members write their head's name (blank in the file) … and a clerk fills it on every row.
    for (const r of rows.slice(1, 7)) r[1] = '张三';
    const dry = await upload(await clerkBook(header, rows), { dryRun: true });
    expect(dry.statusCode).toBe(200);
    const errors = (dry.json().errors as Issue[]).map((e) => [e.row, e.field, e.zh]);
    expect(errors).toEqual([
      [4, 'name', '姓名不能为空'],
      [11, 'relation', expect.stringContaining('与户主关系不能为空')],
      [12, 'groupName', expect.stringContaining('没有名为“地河九组”的组；可填：')],
    ]);
    expect(errors[2]?.[2]).toContain('地河一组');
    expect(errors[2]?.[2]).toContain('新村组');
  });

  it('gives a numeric ID column one file-level message, not one per row', async () => {
    const header = ['与户主关系', '姓名', '身份证号', '所属组', '住址', '', ''];
    const rows = Array.from({ length: 12 }, (_, i) => ['户主', `数${i}`, Number(id('19700101', 540 + i)), '地河一组', `一组 ${40 + i} 号`]);
    // One number Excel could not hold kept as 5.30303E+17 text, as a csv round trip leaves it.
    rows.push(['户主', '数文', '5.30303E+17', '地河一组', '一组 60 号']);
    for (const dryRun of [true, false]) {
      const res = await upload(await clerkBook(header, rows), { dryRun });
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error).toMatchObject({ code: 'IMPORT_ID_COLUMN_NUMERIC', field: 'file' });
      expect(error.details).toBeUndefined();
      expect(error.zh).toContain('“身份证号”列有 13 行');
      expect(error.zh).toContain('第 4、5、6、7、8… 行');
      expect(error.en).toContain('format the whole column as Text');
    }
  });
});

import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { COLUMNS } from './import/columns';
import { makeIdNumber } from './test-ids';

const t = useTestApp();

const VILLAGE = '530303203211'; // 地河村
const id = (birth: string, seq: number) => makeIdNumber('530303', birth, seq);

function multipart(filename: string, content: Buffer) {
  const boundary = `----jiceng${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(
  file: Buffer,
  { dryRun, unitCode = VILLAGE, who = 'village', name = 'register.xlsx' }: { dryRun: boolean; unitCode?: string; who?: string; name?: string },
) {
  return t.request({
    method: 'POST',
    url: `/api/households/import?unitCode=${unitCode}&dryRun=${dryRun}`,
    cookie: await t.login(who),
    ...multipart(name, file),
  });
}

async function count(): Promise<number> {
  const res = await t.request({ method: 'GET', url: `/api/households?unitCode=${VILLAGE}&limit=1`, cookie: await t.login('village') });
  return res.json().total;
}

// Header variants, full-width digits, stray spaces, a blank 户编号 continuing the household above.
const GOOD = [
  [
    ' 户编号 ',
    '户主姓名',
    '与户主关系',
    '名字',
    '性别',
    '身份证号码',
    '出生日期',
    '民族',
    '手机号码',
    '政治面貌',
    '职业',
    '居住状态',
    '所属组',
    '家庭住址',
    '户类别',
    '情况标签',
    '备注',
  ],
  [
    '1',
    '张大山',
    '户主',
    '张大山',
    '男',
    id('19700312', 11),
    '1970-03-12',
    '汉族',
    '138 0874 0001',
    '中共党员',
    '务农',
    '在家',
    '地河一组',
    '地河村一组 1 号',
    '监测户',
    '独居老人、低保',
    '因病',
  ],
  [
    '',
    '张大山',
    '配偶',
    '李秀英',
    '女',
    id('19720504', 22).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    '',
    '汉族',
    '',
    '群众',
    '务农',
    '在家',
    '',
    '',
    '',
    '',
    '',
  ],
  ['2', '', '户主', ' 王 小红 ', '', id('19850101', 44), '', '彝族', '0874-3010002', '', '', '外出务工', '小河边组', '地河村小河边 2 号', '', '', ''],
  ['3', '', '本人', '赵四', '', id('19600606', 55), '', '', '', '', '', '', '新村组', '新村 3 号', '脱贫户', '', ''],
  ['3', '', '子', '赵小四', '', id('19900909', 66), '', '', '', '', '', '', '新村组', '', '', '', ''],
];

describe('register import', () => {
  it('serves a real template with the Chinese headers', async () => {
    const res = await t.request({ method: 'GET', url: '/api/households/import/template', cookie: await t.login('village') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(sheet.getColumn(6).numFmt).toBe('@');
    expect(wb.getWorksheet('填写说明')).toBeTruthy();
  });

  it('checks a good file in a dry run without writing, then imports it in one go', async () => {
    const file = await xlsx(GOOD);
    const before = await count();
    const dry = await upload(file, { dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, ok: true, households: 3, residents: 5, byTier: { red: 1, yellow: 1, blue: 1 }, errorCount: 0 });
    expect(await count()).toBe(before);
    const real = await upload(file, { dryRun: false });
    expect(real.statusCode).toBe(200);
    expect(real.json()).toMatchObject({ ok: true, households: 3, residents: 5 });
    expect(await count()).toBe(before + 3);
    // The same file again: every person is already registered, nothing more is written.
    const again = await upload(file, { dryRun: false });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: 'IMPORT_ROWS_INVALID', field: 'file' });
    expect(again.json().error.details.map((d: { row: number; field: string }) => [d.row, d.field])).toEqual([
      [2, 'idNumber'],
      [3, 'idNumber'],
      [4, 'idNumber'],
      [5, 'idNumber'],
      [6, 'idNumber'],
    ]);
    expect(again.json().error.details[0].en).toContain('already in the register');
    expect(await count()).toBe(before + 3);
    const cookie = await t.login('village');
    const list = (await t.request({ method: 'GET', url: `/api/households?unitCode=${VILLAGE}&q=${encodeURIComponent('张大山')}`, cookie })).json();
    const detail = (await t.request({ method: 'GET', url: `/api/households/${list.items[0].id}`, cookie })).json();
    expect(detail).toMatchObject({ householdNo: '1', unitName: '地河一组', tier: 'red', tags: ['独居老人', '低保'], notes: '因病', phone: '138****0001' });
    expect(detail.residents.map((r: { name: string }) => r.name)).toEqual(['张大山', '李秀英']);
    expect(detail.tierHistory[0]).toMatchObject({ fromTier: null, toTier: 'red', reason: '导入建档' });
    const wang = (await t.request({ method: 'GET', url: `/api/households?q=${encodeURIComponent('王 小红')}`, cookie })).json();
    expect(wang.items[0]).toMatchObject({ unitName: '小河边组', tier: 'blue', phone: '0874-***0002' });
    const audit = await t.request({ method: 'GET', url: `/api/audit?action=household.import`, cookie: await t.login('admin') });
    expect(audit.json().items[0].after).toMatchObject({ households: 3, residents: 5 });
  });

  it('reports every bad row with row, column and reason, imports nothing, then accepts the fixed file', async () => {
    const header = ['户编号', '与户主关系', '姓名', '身份证号', '出生日期', '所属组', '住址'];
    const rows = [
      header,
      ['10', '户主', '钱一', id('19800101', 101).slice(0, 17) + (id('19800101', 101).endsWith('0') ? '1' : '0'), '', '地河一组', '一组 10 号'], // 2: bad check digit
      ['11', '户主', '钱二', id('19800102', 102), '', '地河一组', '一组 11 号'],
      ['11', '子', '钱三', id('19800102', 102), '', '地河一组', ''], // 4: repeats row 3
      ['12', '户主', '孙一', id('19700312', 11), '', '地河二组', '二组 12 号'], // 5: already registered
      ['13', '户主', '孙二', Number(id('19800105', 105)), '', '地河二组', '二组 13 号'], // 6: numeric cell
      ['14', '户主', '孙三', id('19800106', 106), '2030-01-01', '地河二组', '二组 14 号'], // 7: future birth date
      ['15', '户主', '孙四', '5.30303E+17', '', '不存在组', '二组 15 号'], // 8: scientific text + unknown group
    ];
    const before = await count();
    const dry = await upload(await xlsx(rows), { dryRun: true });
    expect(dry.statusCode).toBe(200);
    const errors = dry.json().errors as { row: number; column: string; field: string; zh: string; en: string }[];
    expect(dry.json().ok).toBe(false);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '身份证号'],
      [4, '身份证号'],
      [5, '身份证号'],
      [6, '身份证号'],
      [7, '出生日期'],
      [8, '身份证号'],
      [8, '所属组'],
    ]);
    expect(errors[0]?.zh).toContain('校验位');
    expect(errors[1]?.zh).toContain('第 3 行');
    expect(errors[2]?.en).toContain('already in the register');
    expect(errors[3]?.zh).toContain('文本');
    expect(errors[3]?.en).toContain("prefix the number with '");
    expect(errors[4]?.en).toContain('future');
    expect(errors[6]?.zh).toContain('地河一组');

    const real = await upload(await xlsx(rows), { dryRun: false });
    expect(real.statusCode).toBe(400);
    expect(real.json().error).toMatchObject({ code: 'IMPORT_ROWS_INVALID', field: 'file' });
    expect(real.json().error.details).toHaveLength(7);
    expect(real.json().error.details[0]).toMatchObject({ row: 2, column: '身份证号', field: 'idNumber' });
    expect(await count()).toBe(before);

    const fixed = [
      header,
      ['10', '户主', '钱一', id('19800101', 101), '', '地河一组', '一组 10 号'],
      ['11', '户主', '钱二', id('19800102', 102), '', '地河一组', '一组 11 号'],
      ['11', '子', '钱三', id('20080102', 103), '', '地河一组', ''],
      ['13', '户主', '孙二', id('19800105', 105), '', '地河二组', '二组 13 号'],
      ['14', '户主', '孙三', id('19800106', 106), '1980-01-06', '地河二组', '二组 14 号'],
    ];
    const ok = await upload(await xlsx(fixed), { dryRun: false });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ households: 4, residents: 5 });
    expect(await count()).toBe(before + 4);
  });

  it('names missing columns and refuses damaged or foreign files', async () => {
    const missing = await upload(
      await xlsx([
        ['户编号', '姓名', '与户主关系', '住址'],
        ['1', '甲', '户主', 'x'],
      ]),
      { dryRun: true },
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'IMPORT_COLUMNS_MISSING' });
    expect(missing.json().error.zh).toContain('身份证号');
    expect(missing.json().error.zh).toContain('所属组');

    const damaged = (await xlsx(GOOD)).subarray(0, 600);
    const bad = await upload(damaged, { dryRun: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'IMPORT_FILE_MALFORMED', field: 'file' });
    const xls = await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { dryRun: true, name: 'old.xls' });
    expect(xls.statusCode).toBe(400);
    expect(xls.json().error.zh).toContain('.xls');
    const none = await t.request({ method: 'POST', url: `/api/households/import?unitCode=${VILLAGE}`, cookie: await t.login('village'), payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('IMPORT_FILE_MISSING');
    const empty = await upload(await xlsx([GOOD[0] as unknown[]]), { dryRun: true });
    expect(empty.json().error.code).toBe('IMPORT_EMPTY');
  });

  it('reads a GBK csv as Chinese Excel saves it, into a group target', async () => {
    const csv = [
      '公民身份号码,姓名,与户主关系,住址,联系电话,户类别',
      `${id('19550505', 201)},"周,大",户主,地河三组 5 号,１３９ ０８７４ ０００５,红`,
      `${id('19580808', 202)},吴芳,妻,,,`,
      `${id('19560606', 203)},郑三,户主,地河三组 6 号,,一般户`,
    ].join('\r\n');
    const gbk = iconv.encode(csv, 'gbk');
    expect(gbk.includes(Buffer.from('姓名'))).toBe(false); // really not UTF-8
    const res = await upload(gbk, { dryRun: false, unitCode: '5303032032110103', name: 'register.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ households: 2, residents: 3, byTier: { red: 1, yellow: 0, blue: 1 } });
    const list = (await t.request({ method: 'GET', url: '/api/households?unitCode=5303032032110103', cookie: await t.login('village') })).json();
    expect(list.items.map((h: { headName: string }) => h.headName)).toEqual(['周,大', '郑三']);
    expect(list.items[0]).toMatchObject({ unitName: '地河三组', tier: 'red', phone: '139****0005', memberCount: 2 });
  });

  it('keeps quotes, backslashes, braces and NULL as written through the bulk insert', async () => {
    const odd = '老屋 "东头" \\ {1,2} NULL';
    const file = await xlsx([
      ['户编号', '与户主关系', '姓名', '身份证号', '所属组', '住址', '情况标签', '备注'],
      ['90', '户主', 'NULL', id('19810101', 301), '地河一组', odd, '"低保",NULL', 'a\\"b'],
    ]);
    const res = await upload(file, { dryRun: false });
    expect(res.statusCode).toBe(200);
    const cookie = await t.login('village');
    const list = (await t.request({ method: 'GET', url: `/api/households?unitCode=${VILLAGE}&q=${encodeURIComponent('东头')}`, cookie })).json();
    const detail = (await t.request({ method: 'GET', url: `/api/households/${list.items[0].id}`, cookie })).json();
    expect(detail).toMatchObject({ address: odd, headName: 'NULL', notes: 'a\\"b', tags: ['"低保"', 'NULL'] });
  });

  it('keeps imports inside the actor unit and to those allowed', async () => {
    const other = await upload(await xlsx(GOOD), { dryRun: true, unitCode: '530303203201' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({ code: 'OUT_OF_SCOPE', field: 'unitCode' });
    const rep = await upload(await xlsx(GOOD), { dryRun: true, who: 'representative' });
    expect(rep.statusCode).toBe(403);
  });

  it('exports the register: masked by default, full and audited with reveal, and it reads back', async () => {
    const cookie = await t.login('village');
    const masked = await t.request({ method: 'GET', url: `/api/households/export?unitCode=${VILLAGE}`, cookie });
    expect(masked.statusCode).toBe(200);
    const readSheet = async (buf: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as never);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      const out: string[][] = [];
      ws.eachRow((row) => {
        out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
      });
      return out;
    };
    const maskedRows = await readSheet(masked.rawPayload);
    // The masked export holds the age where the birth date would be (the ID number's masked middle).
    expect(maskedRows[0]).toEqual(COLUMNS.map((c) => (c.key === 'birthDate' ? '年龄' : c.header)));
    expect(maskedRows.slice(1).every((r) => r[5] === '' || r[5]?.includes('********'))).toBe(true);

    const full = await t.request({ method: 'GET', url: `/api/households/export?unitCode=${VILLAGE}&reveal=true`, cookie });
    expect(full.statusCode).toBe(200);
    const rows = await readSheet(full.rawPayload);
    const col = (h: string) => COLUMNS.findIndex((c) => c.header === h);
    const zhang = rows.find((r) => r[col('姓名')] === '张大山') as string[];
    expect(zhang[col('身份证号')]).toBe(id('19700312', 11));
    expect(zhang[col('联系电话')]).toBe('13808740001');
    expect(zhang[col('所属组')]).toBe('地河一组');
    expect(zhang[col('户类别')]).toBe('监测户');
    expect(zhang[col('情况标签')]).toBe('独居老人、低保');
    const li = rows.find((r) => r[col('姓名')] === '李秀英') as string[];
    expect(li[col('户编号')]).toBe(zhang[col('户编号')]);
    expect(li[col('身份证号')]).toBe(id('19720504', 22));
    const audit = await t.request({ method: 'GET', url: `/api/audit?action=pii.reveal&entityType=unit`, cookie: await t.login('admin') });
    expect(audit.json().items[0]).toMatchObject({ actorName: 'village', entityId: VILLAGE, after: { export: true } });

    // Round trip: the exported file imports into an empty register as the same households.
    const n = await count();
    const back = await t.request({ method: 'GET', url: `/api/households?unitCode=${VILLAGE}&limit=200`, cookie });
    for (const h of back.json().items) await t.request({ method: 'DELETE', url: `/api/households/${h.id}`, cookie });
    expect(await count()).toBe(0);
    const reimport = await upload(full.rawPayload, { dryRun: false });
    expect(reimport.statusCode).toBe(200);
    expect(reimport.json().households).toBe(n);
    const again = await readSheet((await t.request({ method: 'GET', url: `/api/households/export?unitCode=${VILLAGE}&reveal=true`, cookie })).rawPayload);
    const key = (r: string[]) => r.filter((_, i) => i !== col('户编号')).join('|');
    expect(again.slice(1).map(key).sort()).toEqual(rows.slice(1).map(key).sort());
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors';
import { parseXlsx, type RawRow } from './parse';
import { isDateFormat } from './xlsx';
import { xlsxOf, zipOf } from './xlsx-fixture';

async function rows(buf: Buffer): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const batch of parseXlsx(buf)) out.push(...batch);
  return out;
}

async function malformed(buf: Buffer, reason: string | RegExp): Promise<void> {
  const err = await rows(buf).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect(err).toMatchObject({ code: 'IMPORT_FILE_MALFORMED', options: { field: 'file' } });
  expect((err as AppError).params.reasonEn).toMatch(reason);
}

describe('xlsx reader', () => {
  it('reads what Excel writes: shared strings, rich text, numbers, dates, booleans, formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['身份证号', '姓名', '出生日期', '备注']);
    ws.addRow([Number('530303197503031898'), { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] }, new Date(Date.UTC(1975, 2, 3)), true]);
    ws.addRow(['530303197503031898', 'A&B <李四>', 12345, { formula: '1+1', result: 2 }]);
    ws.addRow([]);
    ws.addRow([null, null, null, '只有备注']);
    const got = await rows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(got.map((r) => r.row)).toEqual([1, 2, 3, 5]);
    expect(got[0]?.cells).toEqual(['身份证号', '姓名', '出生日期', '备注']);
    // 18 digits stored as a number have lost precision: the reader gives the number, not text.
    expect(got[1]?.cells).toEqual([530303197503031900, '张三', new Date(Date.UTC(1975, 2, 3)), true]);
    expect(Number.isSafeInteger(got[1]?.cells[0])).toBe(false);
    expect(got[2]?.cells).toEqual(['530303197503031898', 'A&B <李四>', 12345, 2]);
    expect(got[3]?.cells).toEqual([null, null, null, '只有备注']);
  });

  it('reads inline strings, skipped and unlabelled cells, entities, CDATA and prefixed XML', async () => {
    const buf = xlsxOf({
      sheets: [
        {
          name: 'Sheet1',
          rows: [
            '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">身份</t></r><r><t>证号</t></r><rPh sb="0" eb="1"><t>ミ</t></rPh></is></c></row>',
            '<row r="3" spans="1:4"><c r="A3" t="str"><f>A1</f><v>&#x5F20;&amp;&lt;三&gt;</v></c><c><v>42</v></c><c t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c>',
            '<c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="b"><v>0</v></c><c r="G3" s="0"/><c r="H3" t="n"><v> </v></c></row>',
            '<row r="4"/><row><c r="AB5" t="inlineStr"><is><t>行五</t></is></c></row>',
          ].join('\r\n'),
        },
      ],
    });
    const got = await rows(buf);
    expect(got).toEqual([
      { row: 1, cells: ['姓名', null, '身份证号'] },
      { row: 3, cells: ['张&<三>', 42, 'a<b', null, null, false, null, null] },
      { row: 4, cells: [] },
      { row: 5, cells: [...Array(27).fill(null), '行五'] },
    ]);
    // Some tools write every element with a namespace prefix.
    const prefixed = xlsxOf({
      sheets: [{ name: 'S', rows: '<x:row r="1"><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>' }],
      sharedStrings: '<si><t>零</t></si><si><r><t>一</t></r><r><t>二</t></r><rPh><t>yi</t></rPh></si>',
    });
    expect(await rows(prefixed)).toEqual([{ row: 1, cells: [null, '一二'] }]);
  });

  it('turns date-formatted numbers into dates (built-in, custom Chinese, 1904) and leaves other numbers', async () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/><numFmt numFmtId="177" formatCode="0.00_ &quot;元&quot;"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="49"/></cellXfs>';
    const row =
      '<row r="1"><c r="A1"><v>27456</v></c><c r="B1" s="1"><v>27456</v></c><c r="C1" s="2"><v>27456.75</v></c><c r="D1" s="3"><v>27456</v></c><c r="E1" s="4"><v>27456</v></c><c r="F1" t="d"><v>1975-03-03</v></c></row>';
    const day = new Date(Date.UTC(1975, 2, 3));
    const got = await rows(xlsxOf({ sheets: [{ name: 'S', rows: row }], styles }));
    expect(got[0]?.cells).toEqual([27456, day, new Date(Date.UTC(1975, 2, 3, 18)), 27456, 27456, day]);
    const y1904 = await rows(xlsxOf({ sheets: [{ name: 'S', rows: row }], styles, workbookPr: '<workbookPr date1904="1"/>' }));
    expect(y1904[0]?.cells[1]).toEqual(new Date(Date.UTC(1979, 2, 4)));
    expect(isDateFormat('[$-804]yyyy"年"m"月"d"日";@')).toBe(true);
    expect(isDateFormat('#,##0.00_);[Red](#,##0.00)')).toBe(false);
    expect(isDateFormat('0.00 "days"')).toBe(false);
  });

  it('reads the first visible worksheet in tab order, wherever its part lives', async () => {
    const buf = xlsxOf({
      sheets: [
        { name: '隐藏', hidden: true, rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row>' },
        { name: '台账', path: 'worksheets/data.xml', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>台账</t></is></c></row>' },
        { name: '说明', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>' },
      ],
    });
    expect(await rows(buf)).toEqual([{ row: 1, cells: ['台账'] }]);
  });

  it('refuses damaged workbooks with IMPORT_FILE_MALFORMED', async () => {
    const good = xlsxOf({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    await malformed(good.subarray(0, good.length - 30), /central directory/); // truncated
    await malformed(zipOf({ 'hello.txt': 'not a workbook' }), 'the workbook part is missing');
    await malformed(xlsxOf({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2' }] }), 'ends in the middle of a tag');
    const missingString = xlsxOf({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' }], sharedStrings: '<si><t>a</t></si>' });
    await malformed(missingString, 'missing shared string');
    await malformed(xlsxOf({ sheets: [{ name: 'S', rows: '<!DOCTYPE x [<!ENTITY a "b">]><row/>' }] }), 'DOCTYPE');
    await malformed(xlsxOf({ sheets: [{ name: 'S', rows: '<row r="1"><c r="ZZZZ1"><v>1</v></c></row>' }] }), 'beyond column XFD');
    // Sizes in the zip directory that do not match the data (a zip bomb's trick) are refused.
    const lying = Buffer.from(good);
    const dir = lying.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    lying.writeUInt32LE(lying.readUInt32LE(dir + 24) + 1000, dir + 24);
    await malformed(lying, 'not the size the zip directory gives');
  });
});

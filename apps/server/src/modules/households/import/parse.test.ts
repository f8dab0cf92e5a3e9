import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectFormat, parseCsv, parseXlsx } from './parse';

describe('reading register files', () => {
  it('keeps Chinese text whole across the stream chunks of a large xlsx', { timeout: 60_000 }, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    const names: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const name = `${'张王李赵刘陈杨黄'[i % 8]}${'明华建国秀英玉兰'[(i * 7) % 8]}${'金凤海涛'[i % 4]}`;
      names.push(name);
      ws.addRow([String(i), name, '户主', `地河村第${i}号`]);
    }
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const got: string[] = [];
    for await (const batch of parseXlsx(buf)) for (const r of batch) got.push(String(r.cells[1]));
    expect(got).toEqual(names);
  });

  it('tells xlsx from csv, decodes GBK, and parses quoted csv', () => {
    expect(detectFormat(Buffer.from('PK\u0003\u0004rest'))).toBe('xlsx');
    expect(detectFormat(Buffer.from('姓名,身份证号\n'))).toBe('csv');
    expect(decodeText(iconv.encode('姓名,住址', 'gbk'))).toEqual({ text: '姓名,住址', encoding: 'gb18030' });
    expect(decodeText(Buffer.from('\uFEFF姓名,住址'))).toEqual({ text: '姓名,住址', encoding: 'utf-8' });
    expect([...parseCsv('a,"b,""c"""\r\n1,2\n')].map((r) => r.cells)).toEqual([
      ['a', 'b,"c"'],
      ['1', '2'],
    ]);
    expect([...parseCsv('姓名\t住址\n张三\t一组')].map((r) => r.cells)).toEqual([
      ['姓名', '住址'],
      ['张三', '一组'],
    ]);
  });
});

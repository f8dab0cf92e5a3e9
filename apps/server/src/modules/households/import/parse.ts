/**
 * Reads an uploaded register file row by row: xlsx (streamed, first worksheet) or csv (UTF-8,
 * or GBK/GB18030 as Chinese Excel and WPS save it). Cells come out raw; the caller interprets them.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../../platform/errors';

export type RawCell = string | number | boolean | Date | null;
export interface RawRow {
  row: number;
  cells: RawCell[];
}

function malformed(reason: string, reasonEn: string): AppError {
  return new AppError('IMPORT_FILE_MALFORMED', { reason, reasonEn }, { field: 'file' });
}

export function detectFormat(buf: Buffer): 'xlsx' | 'csv' {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'xlsx';
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0)
    throw malformed(
      '这是旧版 .xls 文件，请在 Excel/WPS 中“另存为” .xlsx 或 csv 后再导入',
      'this is an old .xls file; save it as .xlsx or csv and import again',
    );
  if (buf.subarray(0, 4096).includes(0)) throw malformed('不是 xlsx 或 csv 文件', 'not an xlsx or csv file');
  return 'csv';
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise GB18030 (a superset of GBK). */
export function decodeText(buf: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}

/** RFC 4180 csv (quotes, doubled quotes, CRLF); a header with more tabs than commas means tab-separated. */
export function* parseCsv(text: string): Generator<RawRow> {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      yield { row, cells };
      row++;
      cells = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    yield { row, cells };
  }
}

type ExcelValue = ExcelJS.CellValue;

function plain(v: ExcelValue): RawCell {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plain((v as { result?: ExcelValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return null;
  }
  return String(v);
}

/** UTF-8 text from byte chunks, keeping characters split across chunk boundaries whole. */
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) {
    const text = typeof c === 'string' ? c : decoder.decode(c, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

type ReaderClass = typeof ExcelJS.stream.xlsx.WorkbookReader;
type ReaderInternals = {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};
let safeReader: ReaderClass | null = null;

/**
 * ExcelJS's streaming reader decodes each inflated chunk on its own (lib/utils/parse-sax.js), so a
 * Chinese character split between two 64 KB chunks comes out as two U+FFFD in larger files. This
 * subclass hands it already-decoded text for the worksheet and shared-string entries.
 */
async function utf8SafeReader(): Promise<ReaderClass> {
  if (safeReader) return safeReader;
  // Loaded on first use: exceljs alone takes longer to load than the rest of the server.
  const { default: Excel } = await import('exceljs');
  const parent = Excel.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;
  class Utf8SafeWorkbookReader extends Excel.stream.xlsx.WorkbookReader {
    _parseSharedStrings(entry: NodeJS.ReadableStream) {
      return parent._parseSharedStrings.call(this, Readable.from(decodeUtf8(entry as AsyncIterable<Buffer>)));
    }
    _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
      return parent._parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
    }
  }
  safeReader = Utf8SafeWorkbookReader;
  return safeReader;
}

/** Rows of the first worksheet, streamed so a 30 MB workbook is never held as objects at once. */
export async function* parseXlsx(buf: Buffer): AsyncGenerator<RawRow> {
  const Reader = await utf8SafeReader();
  const reader = new Reader(Readable.from([buf]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelValue[];
        const cells: RawCell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plain(values[i] ?? null));
        yield { row: row.number, cells };
      }
      return; // only the first worksheet is the register
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw malformed(`xlsx 文件已损坏或不完整（${(err as Error).message}）`, `the xlsx file is damaged or incomplete (${(err as Error).message})`);
  }
}

export async function* readRows(buf: Buffer): AsyncGenerator<RawRow> {
  if (detectFormat(buf) === 'xlsx') yield* parseXlsx(buf);
  else yield* parseCsv(decodeText(buf).text);
}

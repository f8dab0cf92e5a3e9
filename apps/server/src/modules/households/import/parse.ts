/**
 * Reads an uploaded register file row by row: xlsx (streamed, first visible worksheet) or csv (UTF-8,
 * or GBK/GB18030 as Chinese Excel and WPS save it). Cells come out raw; the caller interprets them.
 */
import iconv from 'iconv-lite';
import { AppError } from '../../../platform/errors';
import { readXlsxRows } from './xlsx';

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

/** Rows of the first worksheet, streamed so a 20 MB workbook is never held as objects at once. */
export async function* parseXlsx(buf: Buffer): AsyncGenerator<RawRow[]> {
  try {
    yield* readXlsxRows(buf);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw malformed(`xlsx 文件已损坏或不完整（${message}）`, `the xlsx file is damaged or incomplete (${message})`);
  }
}

const CSV_BATCH = 1000;

function* batches<T>(items: Iterable<T>): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === CSV_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** The rows of an uploaded file, in batches (one await per batch, not per row). */
export async function* readRows(buf: Buffer): AsyncGenerator<RawRow[]> {
  if (detectFormat(buf) === 'xlsx') yield* parseXlsx(buf);
  else yield* batches(parseCsv(decodeText(buf).text));
}

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { levelOfCode, shortUnitName, type UnitLevel } from '@jiceng/shared';

export interface DivisionRow {
  code: string;
  level: UnitLevel;
  name: string;
  officialName: string;
}

/** One CSV line into fields (RFC 4180 quoting; division names hold no line breaks). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/**
 * Reads an NBS-format division CSV: a header with `code` and `name` columns (other columns are
 * ignored), one division per line, 6/9/12-digit codes. Files such as the national tables'
 * areas.csv, streets.csv and villages.csv all fit. Only codes starting with `prefix` are kept.
 * `onRead` hears the bytes read from the file so far, once per line (for a progress bar).
 */
export async function* readDivisionCsv(file: string, prefix = '', onRead?: (bytesRead: number) => void): AsyncGenerator<DivisionRow> {
  const input = createReadStream(file, 'utf8');
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let codeCol = -1;
  let nameCol = -1;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    onRead?.(input.bytesRead);
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!line.trim()) continue;
    const fields = parseCsvLine(line);
    if (codeCol < 0) {
      codeCol = fields.findIndex((f) => /^(code|代码|区划代码|统计用区划代码)$/i.test(f.trim()));
      nameCol = fields.findIndex((f) => /^(name|名称)$/i.test(f.trim()));
      if (codeCol < 0 || nameCol < 0) throw new Error(`${file}: the header needs "code" and "name" columns`);
      continue;
    }
    const code = (fields[codeCol] ?? '').trim();
    const officialName = (fields[nameCol] ?? '').trim();
    if (!code.startsWith(prefix)) continue;
    const level = levelOfCode(code);
    if (!level || level === 'zone' || level === 'group' || !officialName) throw new Error(`${file}:${lineNo}: not a district, township or village: "${line}"`);
    yield { code, level, name: shortUnitName(officialName), officialName };
  }
}

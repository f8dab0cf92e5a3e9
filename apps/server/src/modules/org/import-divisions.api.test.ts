import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, like, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { type ImportProgress, importDivisions } from './import-divisions';
import { units } from './tables';

// The demo seed brings 沾益区 (530303); these tests import a made-up neighbour, 530399.
const t = useTestApp();
const dir = mkdtempSync(path.join(tmpdir(), 'jiceng-divisions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, lines: string[], { bom = false } = {}): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`);
  return file;
}

// A UTF-8 BOM, CRLF line ends, quoted headers and fields, a doubled quote, a comma inside quotes
// and an extra column; villages listed before their township (each level is its own pass).
const DISTRICT = [
  '"code","name","note"',
  '539901001001,"测试村民委员会","村, 有逗号"',
  '539901001,"测试镇",""',
  '539901001002,"新""老""村委会",',
  '539901,"测试区",x',
];

const unitsUnder = (prefix: string) =>
  t.database.db
    .select({ code: units.code, name: units.name, officialName: units.officialName, parentCode: units.parentCode, updatedAt: units.updatedAt })
    .from(units)
    .where(like(units.code, `${prefix}%`))
    .orderBy(units.code);

async function importAudits() {
  const res = await t.request({ method: 'GET', url: '/api/audit?action=unit.import&limit=200', cookie: await t.login('admin') });
  expect(res.statusCode).toBe(200);
  return res.json().items as { actorName: string | null; unitCode: string | null; requestId: string; after: Record<string, unknown> }[];
}

describe('import-divisions', () => {
  it('reads quoted CSV with a BOM, parents before children, and reports its progress in bytes', async () => {
    const file = csv('district.csv', DISTRICT, { bom: true });
    const progress: ImportProgress[] = [];
    const result = await importDivisions(t.systemCtx(), [file], { source: 'test', onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ read: 4, added: 4, renamed: 0, unchanged: 0, orphans: [] });
    expect(await unitsUnder('5399')).toMatchObject([
      { code: '539901', name: '测试区', parentCode: null },
      { code: '539901001', name: '测试镇', parentCode: '539901' },
      { code: '539901001001', officialName: '测试村民委员会', parentCode: '539901001' },
      { code: '539901001002', officialName: '新"老"村委会', parentCode: '539901001' },
    ]);
    expect(progress.map((p) => p.level)).toEqual(['district', 'township', 'village']);
    for (let i = 1; i < progress.length; i++) expect(progress[i]?.bytesDone).toBeGreaterThanOrEqual(progress[i - 1]?.bytesDone ?? 0);
    const last = progress.at(-1) as ImportProgress;
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(last.read).toBe(4);
  });

  it('is idempotent: a second run changes nothing, a renamed division is updated', async () => {
    const file = csv('district.csv', DISTRICT, { bom: true });
    const before = await unitsUnder('5399');
    t.clock.advance(60_000);
    expect(await importDivisions(t.systemCtx(), [file])).toEqual({ read: 4, added: 0, renamed: 0, unchanged: 4, orphans: [] });
    expect(await unitsUnder('5399')).toEqual(before);

    const renamed = csv(
      'renamed.csv',
      DISTRICT.map((l) => l.replace('测试镇', '测试街道')),
    );
    expect(await importDivisions(t.systemCtx(), [renamed])).toMatchObject({ added: 0, renamed: 1, unchanged: 3 });
    const after = await unitsUnder('539901001');
    expect(after[0]).toMatchObject({ code: '539901001', name: '测试街道' });
    expect(after[0]?.updatedAt.getTime()).toBe(t.clock.now().getTime());
    expect(after[1]).toEqual(before[2]); // its villages untouched
  });

  it('skips and reports rows whose parent is nowhere, loading the rest', async () => {
    const file = csv('orphans.csv', ['code,name', '539902,乙区', '539902001,乙镇', '539902001001,甲村委会', '539902777001,孤村委会', '539903001,孤镇']);
    const result = await importDivisions(t.systemCtx(), [file]);
    expect(result).toMatchObject({ read: 5, added: 3, orphans: ['539903001', '539902777001'] });
    expect((await unitsUnder('539902')).map((u) => u.code)).toEqual(['539902', '539902001', '539902001001']);
    expect(await unitsUnder('539903')).toEqual([]);
  });

  it('keeps only the codes under --prefix, across several files', async () => {
    const districts = csv('areas.csv', ['code,name', '539904,丙区', '539905,丁区']);
    const townships = csv('streets.csv', ['code,name', '539904001,丙镇', '539905001,丁镇']);
    const result = await importDivisions(t.systemCtx(), [districts, townships], { prefix: '539905' });
    expect(result).toMatchObject({ read: 2, added: 2, orphans: [] });
    expect(await unitsUnder('539904')).toEqual([]);
    expect((await unitsUnder('539905')).map((u) => u.code)).toEqual(['539905', '539905001']);
  });

  it('refuses a file without code and name columns or with a malformed code, naming the line', async () => {
    const noHeader = csv('bad-header.csv', ['代码,地址', '539906,戊区']);
    await expect(importDivisions(t.systemCtx(), [noHeader])).rejects.toThrow(/the header needs "code" and "name" columns/);
    const badCode = csv('bad-code.csv', ['code,name', '539906,戊区', '53990600,怪码']);
    await expect(importDivisions(t.systemCtx(), [badCode])).rejects.toThrow(/bad-code\.csv:3: not a district, township or village/);
    expect(await unitsUnder('539906')).toEqual([]);
  });

  it('writes one summary audit row per run, also for a failed run; the demo seed wrote one too', async () => {
    const audits = await importAudits();
    // Newest first: the two refused runs, then prefix, orphans, rename, rerun, first run, demo seed.
    expect(audits).toHaveLength(8);
    expect(audits.every((a) => a.actorName === null)).toBe(true);
    expect(audits[0]?.after).toMatchObject({ read: 1, added: 0, error: expect.stringMatching(/not a district/) });
    expect(audits[2]?.after).toMatchObject({ prefix: '539905', read: 2, added: 2, renamed: 0, unchanged: 0, orphans: 0 });
    expect(audits[3]?.after).toMatchObject({ read: 5, added: 3, orphans: 2, orphanCodes: ['539903001', '539902777001'] });
    expect(audits[3]?.unitCode).toBeNull(); // two districts: a system-wide event
    expect(audits[5]?.after).toMatchObject({ read: 4, added: 0, renamed: 0, unchanged: 4, orphans: 0 });
    expect(audits[5]?.after).not.toHaveProperty('error');
    expect(audits[6]).toMatchObject({ unitCode: '539901', requestId: 'test', after: { source: 'test', read: 4, added: 4 } });
    expect(audits[7]).toMatchObject({ unitCode: '530303', after: { source: 'demo seed', read: 147, added: 147 } });
    // The district sees its own district's import, not the others.
    const district = await t.request({ method: 'GET', url: '/api/audit?action=unit.import', cookie: await t.login('district') });
    expect(district.json().items.map((a: { unitCode: string }) => a.unitCode)).toEqual(['530303']);
  });

  // Last: it adds one more import run to the audit counted above.
  it('leaves the planner statistics of the tree current after adding units', async () => {
    const reltuples = async () => {
      const res = (await t.database.db.execute(sql`select reltuples::float8 as n from pg_class where relname = 'units'`)) as unknown as {
        rows: { n: number }[];
      };
      return Number(res.rows[0]?.n);
    };
    const [before] = await t.database.db.select({ n: count() }).from(units);
    await importDivisions(t.systemCtx(), [csv('analyzed.csv', ['code,name', '539977,统计区', '539977001,统计镇'])]);
    // ANALYZE counted the table as it is now (a never-analyzed table says -1 or a stale count).
    expect(await reltuples()).toBe((before?.n ?? 0) + 2);
  });
});

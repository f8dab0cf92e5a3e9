import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The repository's biome.json, run by the repository's biome on probe files laid out like the
// server's modules in a scratch directory (so nothing is written into the tree others lint).
const root = resolve(__dirname, '../../../..');
const biome = join(root, 'node_modules/.bin/biome');
const SQL_MESSAGE = "SQL lives in the module's repository.ts";
const TABLES_MESSAGE = "Another module's tables are its own";
const EXCEL_MESSAGE = 'exceljs takes';

const probes: Record<string, string> = {
  'apps/server/src/modules/x/service.ts': "import { sql } from 'drizzle-orm';\nexport const a = sql;\n",
  'apps/server/src/modules/x/policy.ts': "import type { SQL } from 'drizzle-orm';\nexport type A = SQL;\n",
  'apps/server/src/modules/x/presenter.ts': "import { pgTable } from 'drizzle-orm/pg-core';\nexport const a = pgTable;\n",
  'apps/server/src/modules/x/lookup.ts': "import { units } from '../org/tables';\nexport const a = units;\n",
  'apps/server/src/modules/x/sub/write.ts': "import { units } from '../../org/tables';\nexport const a = units;\n",
  'apps/server/src/modules/x/seed.ts': "import { schema } from '../../db/schema';\nexport const a = schema;\n",
  'apps/server/src/modules/x/own.ts': "import { things } from './tables';\nexport const a = things;\n",
  'apps/server/src/modules/x/repository.ts':
    "import { sql } from 'drizzle-orm';\nimport { units } from '../org/tables';\nimport ExcelJS from 'exceljs';\nexport const a = [sql, units, ExcelJS];\n",
  'apps/server/src/modules/x/tables.ts': "import { pgTable } from 'drizzle-orm/pg-core';\nexport const a = pgTable;\n",
  'apps/server/src/modules/x/x.api.test.ts': "import { sql } from 'drizzle-orm';\nexport const a = sql;\n",
  'apps/server/src/platform/events/repository2.ts': "import { sql } from 'drizzle-orm';\nexport const a = sql;\n",
};

interface Diagnostic {
  message: string;
  category: string;
  location: { path: string };
}

let dir: string;
let byFile: Map<string, string[]>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lint-rooms-'));
  copyFileSync(join(root, 'biome.json'), join(dir, 'biome.json'));
  for (const [path, text] of Object.entries(probes)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync(biome, ['lint', '--reporter=json', '--max-diagnostics=100', 'apps'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
  byFile = new Map();
  for (const d of report.diagnostics.filter((d) => d.category === 'lint/style/noRestrictedImports')) {
    byFile.set(d.location.path, [...(byFile.get(d.location.path) ?? []), d.message]);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const messages = (path: string) => byFile.get(path) ?? [];

describe('lint: SQL stays in each module’s room', () => {
  it('refuses drizzle-orm (values, types and subpaths) outside repository.ts and tables.ts', () => {
    for (const f of ['service.ts', 'policy.ts', 'presenter.ts']) {
      expect(messages(`apps/server/src/modules/x/${f}`).some((m) => m.startsWith(SQL_MESSAGE))).toBe(true);
    }
    expect(messages('apps/server/src/modules/x/seed.ts').some((m) => m.startsWith(SQL_MESSAGE))).toBe(true);
  });

  it("refuses another module's tables, from a module's top and from its subfolders", () => {
    expect(messages('apps/server/src/modules/x/lookup.ts').some((m) => m.startsWith(TABLES_MESSAGE))).toBe(true);
    expect(messages('apps/server/src/modules/x/sub/write.ts').some((m) => m.startsWith(TABLES_MESSAGE))).toBe(true);
    expect(messages('apps/server/src/modules/x/own.ts')).toEqual([]);
  });

  it('lets repository.ts, tables.ts and tests use SQL, and keeps the exceljs rule in the modules', () => {
    expect(messages('apps/server/src/modules/x/repository.ts')).toEqual([expect.stringContaining(EXCEL_MESSAGE)]);
    expect(messages('apps/server/src/modules/x/tables.ts')).toEqual([]);
    expect(messages('apps/server/src/modules/x/x.api.test.ts')).toEqual([]);
    expect(messages('apps/server/src/platform/events/repository2.ts')).toEqual([]);
  });
});

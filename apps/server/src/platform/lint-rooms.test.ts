import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
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

/**
 * Tests go through the other modules' services, lookups or the factories (docs/architecture.md,
 * Tests in tiers): a test under modules/<m>/, and the shared test support in test/, may not import
 * another module's repository or tables, nor db/schema (every module's tables). Biome's rule above
 * leaves tests free to use SQL on their own module; this walks the files instead. Tests outside the
 * modules (platform/, db/) test the machinery on real tables and are not checked.
 */
function testImportOffences(src: string): string[] {
  const offences: string[] = [];
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const file of walk(src)) {
    const rel = relative(src, file).split('\\').join('/');
    const own = /^modules\/([^/]+)\//.exec(rel)?.[1] ?? null;
    const isTest = rel.endsWith('.test.ts') && own !== null;
    if (!isTest && !rel.startsWith('test/')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.[^'"]+)['"]/g)) {
      const target = relative(src, resolve(dirname(file), m[1] as string))
        .split('\\')
        .join('/')
        .replace(/\.(js|ts)$/, '');
      const room = /^modules\/([^/]+)\/(?:.+\/)?(?:repository|[\w-]+-repository|tables)$/.exec(target);
      if ((room && room[1] !== own) || target === 'db/schema') offences.push(`${rel} imports ${m[1]}`);
    }
  }
  return offences;
}

describe("lint: a test does not reach into another module's repository or tables", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'lint-tests-'));
    const files: Record<string, string> = {
      'modules/x/x.api.test.ts': "import * as repo from './repository';\nimport { things } from './tables';\n",
      'modules/x/y.service.test.ts': "import { units } from '../org/tables';\nimport * as o from '../org/repository';\n",
      'modules/x/sub/z.test.ts': "import { rollup } from '../../visits/rollup-repository.js';\nconst s = await import('../../../db/schema');\n",
      'modules/x/lookup.test.ts': "import { findUnit } from '../org/lookup';\nimport { createUnit } from '../org/service';\n",
      'test/factories.ts': "import { households } from '../db/schema';\n",
      'platform/p.api.test.ts': "import { units } from '../modules/org/tables';\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    }
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('catches tables, repositories and db/schema of other modules; allows its own, lookups and services', () => {
    expect(testImportOffences(scratch).sort()).toEqual([
      'modules/x/sub/z.test.ts imports ../../../db/schema',
      'modules/x/sub/z.test.ts imports ../../visits/rollup-repository.js',
      'modules/x/y.service.test.ts imports ../org/repository',
      'modules/x/y.service.test.ts imports ../org/tables',
      'test/factories.ts imports ../db/schema',
    ]);
  });

  it('finds nothing in the server', () => {
    expect(testImportOffences(join(root, 'apps/server/src'))).toEqual([]);
  });
});

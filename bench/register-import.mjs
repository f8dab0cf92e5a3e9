// Bench "register import": the district-sized register from generate-district.mjs (135 village
// workbooks, ~130k households, ~430k residents) imported through the real import code path
// (importRegister: xlsx stream-parse, validation, duplicate checks, batched inserts in one
// transaction per file) into a fresh PGlite data folder and/or a fresh PostgreSQL database.
// Reports wall time and the peak RSS of this process (which, for PGlite, includes the database).
//   node bench/generate-district.mjs && npx tsx bench/register-import.mjs [--db pglite|postgres|both] [--villages N]
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../apps/server/src/db/client.ts';
import { createUserUnchecked } from '../apps/server/src/modules/accounts/service.ts';
import { seedDistrictTree } from '../apps/server/src/modules/demo/seed.ts';
import { importRegister } from '../apps/server/src/modules/households/import/service.ts';
import * as orgRepo from '../apps/server/src/modules/org/repository.ts';
import { installVisitDueHooks } from '../apps/server/src/modules/visits/rollup.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { CACHE, createPgDatabase, freshDataDir, machine, postgresVersion, removeDir, round, writeResult } from './lib.mjs';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'both' }, villages: { type: 'string' }, dir: { type: 'string' } } });
const DIR = values.dir ?? path.join(CACHE, 'register');
if (!existsSync(path.join(DIR, 'manifest.json'))) throw new Error(`no ${DIR}/manifest.json: run node bench/generate-district.mjs first`);
const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));
const villages = manifest.villages.slice(0, values.villages ? Number(values.villages) : undefined);
// As in the server: an import also writes each new household's visit_due row (visits module).
installVisitDueHooks();

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const ctxOf = (db, actor) => ({ db, actor, clock: systemClock, locale: 'zh-CN', requestId: 'bench', ip: null });

/** The district tree, each village's zones and groups as the files name them, and an admin to act as. */
async function prepare(database) {
  await migrateDatabase(database);
  const ctx = ctxOf(database.db, null);
  await seedDistrictTree(ctx);
  const now = new Date();
  await database.db.transaction(async (tx) => {
    for (const v of villages) {
      for (const [zi, zone] of v.zones.entries()) {
        const zoneCode = `${v.code}${String(zi + 1).padStart(2, '0')}`;
        await orgRepo.insertUnit(tx, { code: zoneCode, parentCode: v.code, level: 'zone', name: zone.name, createdAt: now, updatedAt: now });
        for (const [gi, name] of zone.groups.entries()) {
          const code = `${zoneCode}${String(gi + 1).padStart(2, '0')}`;
          await orgRepo.insertUnit(tx, { code, parentCode: zoneCode, level: 'group', name, createdAt: now, updatedAt: now });
        }
      }
    }
  });
  const userId = await createUserUnchecked(ctx, { username: 'bench', displayName: 'bench', password: 'bench-import-1', role: 'admin', unitCode: null });
  return ctxOf(database.db, { userId, username: 'bench', displayName: 'bench', role: 'admin', unitCode: null, departmentId: null });
}

async function benchOne(kind) {
  const dataDir = kind === 'pglite' ? freshDataDir('register-import') : null;
  const pgdb = kind === 'postgres' ? await createPgDatabase('register') : null;
  const database = await openDatabase({ url: pgdb?.url ?? null, dataDir, poolSize: 2 });
  try {
    const ctx = await prepare(database);
    peakRss = process.memoryUsage().rss;
    const started = process.hrtime.bigint();
    let households = 0;
    let residents = 0;
    let readMs = 0;
    for (const [i, v] of villages.entries()) {
      const file = readFileSync(path.join(DIR, v.file));
      const t0 = performance.now();
      let tRead = t0;
      const r = await importRegister(ctx, { unitCode: v.code, dryRun: false, file, filename: v.file }, (p) => {
        if (p.phase === 'read') tRead = performance.now();
      });
      readMs += tRead - t0;
      if (!r.ok || r.households !== v.households) throw new Error(`${v.code}: ${JSON.stringify({ ...r, errors: r.errors.slice(0, 5) })}`);
      households += r.households;
      residents += r.residents;
      if ((i + 1) % 15 === 0 || i + 1 === villages.length) {
        const s = Number(process.hrtime.bigint() - started) / 1e9;
        console.log(
          `[register-import/${kind}] ${i + 1}/${villages.length} villages, ${households} households, ${residents} residents, ${s.toFixed(1)} s, rss ${Math.round(peakRss / 2 ** 20)} MB`,
        );
      }
    }
    const wallS = Number(process.hrtime.bigint() - started) / 1e9;
    const [{ h, r }] = (await database.db.execute(sql`select (select count(*)::int from households) as h, (select count(*)::int from residents) as r`)).rows;
    if (h !== households || r !== residents) throw new Error(`counted ${h}/${r}, imported ${households}/${residents}`);
    const result = {
      db: kind,
      villages: villages.length,
      households,
      residents,
      wallS: round(wallS, 1),
      // Reading + validating the workbooks vs checking and writing the database.
      readS: round(readMs / 1000, 1),
      writeS: round(wallS - readMs / 1000, 1),
      loadAverage: os.loadavg().map((x) => round(x, 1)),
      householdsPerSec: round(households / wallS, 0),
      residentsPerSec: round(residents / wallS, 0),
      // Sampled every 50 ms during this run's import; the process maximum also covers set-up and
      // any earlier run in the same process (with --db both, PGlite's).
      peakRssMb: Math.round(peakRss / 2 ** 20),
      processMaxRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    };
    console.log(`[register-import/${kind}] ${JSON.stringify(result)}`);
    return result;
  } finally {
    await database.close();
    if (dataDir) removeDir(dataDir);
    await pgdb?.drop();
  }
}

const dbs = values.db === 'both' ? ['pglite', 'postgres'] : [values.db];
const date = new Date().toISOString();
const env = machine();
if (dbs.includes('postgres')) env.postgres = await postgresVersion();
const runs = [];
for (const kind of dbs) runs.push(await benchOne(kind));
clearInterval(sampler);
console.log(
  `wrote ${writeResult(`register-import-${values.db}${values.villages ? `-${values.villages}v` : ''}`, { bench: 'register-import', date, machine: env, runs })}`,
);

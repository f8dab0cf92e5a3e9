// Bench "register import, per phase": where the time of importing the district register goes, file
// by file: parse (xlsx → rows), validate (rows → households), the duplicate-ID check, and the three
// inserts, each as wall and CPU time of this process (for PostgreSQL the server's work shows only
// in wall time). Same steps as importRegister, without the audit row and progress reporting.
//   npx tsx bench/register-import-phases.mjs pglite|postgres [villages]
// ROOT=<an older checkout with node_modules> profiles that tree's code instead (the code before
// commit 547a5e5 had other bulk-insert signatures; both are handled).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createPgDatabase, freshDataDir, removeDir } from './lib.mjs';
const ROOT = process.env.ROOT ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const S = `${ROOT}/apps/server/src`;
const { migrateDatabase, openDatabase } = await import(`${S}/db/client.ts`);
const { seedDistrictTree } = await import(`${S}/modules/demo/seed.ts`);
const { readRows } = await import(`${S}/modules/households/import/parse.ts`);
const { RegisterReader } = await import(`${S}/modules/households/import/validate.ts`);
const repo = await import(`${S}/modules/households/repository.ts`);
const orgRepo = await import(`${S}/modules/org/repository.ts`);
const { systemClock } = await import(`${S}/platform/clock.ts`);
const [kind = 'postgres', nArg = '135'] = process.argv.slice(2);
const DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '.cache/register');
const villages = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')).villages.slice(0, Number(nArg));
const dataDir = kind === 'pglite' ? freshDataDir('phase') : null;
const pgdb = kind === 'postgres' ? await createPgDatabase('phase') : null;
const database = await openDatabase({ url: pgdb?.url ?? null, dataDir, poolSize: 2 });
const wall = { parse: 0, validate: 0, check: 0, households: 0, residents: 0, tiers: 0, commit: 0 };
const cpu = { ...wall };
let w0 = 0;
let c0 = process.cpuUsage();
const start = () => {
  w0 = performance.now();
  c0 = process.cpuUsage();
};
const lap = (k) => {
  wall[k] += performance.now() - w0;
  const u = process.cpuUsage(c0);
  cpu[k] += (u.user + u.system) / 1000;
  start();
};
const newApi = typeof repo.bulkInsertTierChanges === 'function';
try {
  await migrateDatabase(database);
  const ctx = { db: database.db, actor: null, clock: systemClock, locale: 'zh-CN', requestId: 'x', ip: null };
  await seedDistrictTree(ctx);
  const now = new Date();
  for (const v of villages)
    for (const [zi, zone] of v.zones.entries()) {
      const zoneCode = `${v.code}${String(zi + 1).padStart(2, '0')}`;
      await orgRepo.insertUnit(database.db, { code: zoneCode, parentCode: v.code, level: 'zone', name: zone.name, createdAt: now, updatedAt: now });
      for (const [gi, name] of zone.groups.entries())
        await orgRepo.insertUnit(database.db, {
          code: `${zoneCode}${String(gi + 1).padStart(2, '0')}`,
          parentCode: zoneCode,
          level: 'group',
          name,
          createdAt: now,
          updatedAt: now,
        });
    }
  const T0 = performance.now();
  for (const v of villages) {
    const buf = readFileSync(path.join(DIR, v.file));
    start();
    const rows = [];
    for await (const b of readRows(buf))
      if (Array.isArray(b)) rows.push(...b);
      else rows.push(b);
    lap('parse');
    const groups = new Map();
    for (const [zi, z] of v.zones.entries())
      for (const [gi, g] of z.groups.entries())
        groups.set(g, { code: `${v.code}${String(zi + 1).padStart(2, '0')}${String(gi + 1).padStart(2, '0')}`, name: g });
    const reader = new RegisterReader({ defaultUnit: null, groups }, '2026-11-28');
    for (const r of rows) reader.add(r);
    const plan = reader.finish().households;
    lap('validate');
    // importRegister checks inside the transaction; before commit cdea4b9 it also checked once before it
    if (!newApi) await repo.takenIdNumbers(database.db, reader.allIdNumbers());
    await database.db.transaction(async (tx) => {
      await repo.takenIdNumbers(tx, reader.allIdNumbers());
      lap('check');
      for (let i = 0; i < plan.length; i += 1000) {
        const slice = plan.slice(i, i + 1000);
        const ids = await repo.bulkInsertHouseholds(
          tx,
          slice.map((h) => ({ ...h, createdAt: now, updatedAt: now })),
          now,
        );
        lap('households');
        if (newApi) {
          const hid = [];
          const members = [];
          slice.forEach((h, j) => {
            for (const r of h.residents) {
              hid.push(ids[j]);
              members.push(r);
            }
          });
          await repo.bulkInsertResidents(tx, hid, members, now);
          lap('residents');
          await repo.bulkInsertTierChanges(
            tx,
            slice.flatMap((h, j) => (h.tier === 'blue' ? [] : [{ householdId: ids[j], toTier: h.tier, category: h.tierCategory }])),
            { reason: 'x', changedBy: null, now },
          );
        } else {
          const members = slice.flatMap((h, j) => h.residents.map(({ row: _r, ...r }) => ({ ...r, householdId: ids[j], createdAt: now, updatedAt: now })));
          for (let k = 0; k < members.length; k += 1000) await repo.bulkInsertResidents(tx, members.slice(k, k + 1000), now);
          lap('residents');
          await repo.insertTierChanges(
            tx,
            slice.flatMap((h, j) =>
              h.tier === 'blue'
                ? []
                : [{ householdId: ids[j], fromTier: null, toTier: h.tier, category: h.tierCategory, reason: 'x', changedBy: null, changedAt: now }],
            ),
          );
        }
        lap('tiers');
      }
    });
    lap('commit');
  }
  const total = (performance.now() - T0) / 1000;
  const [{ h, r }] = (await database.db.execute(sql`select (select count(*)::int from households) as h, (select count(*)::int from residents) as r`)).rows;
  const f = (o) => Object.fromEntries(Object.entries(o).map(([k, x]) => [k, +(x / 1000).toFixed(1)]));
  console.log(
    JSON.stringify({ tree: ROOT, kind, villages: villages.length, households: h, residents: r, totalS: +total.toFixed(1), wallS: f(wall), cpuS: f(cpu) }),
  );
} finally {
  await database.close();
  if (dataDir) removeDir(dataDir);
  await pgdb?.drop();
}

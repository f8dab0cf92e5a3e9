// Bench "visits": a district-sized linkage and visit dataset (沾益区's 135 real villages, 3 zones
// × 3 groups each, 130k households, a representative per ~25 households, a year of visits: red
// households weekly at home, the others monthly, with some visits missed so lists are not empty),
// seeded with SQL, then p50/p95 of the three hot reads through the service functions:
//   a representative's "my visits", a village's overdue list, the district's visit summary (and
//   a township's), the district's linkage coverage. Also the process RSS (PGlite runs in-process).
// The summaries read visit_due (the visits module's per-household rollup): after the SQL seed it is
// filled the way production fills it on an existing register, by recountVisitDue (timed), and the
// bench checks that the district's and a township's summary equal the computation from the sources
// (which it also times, as "before visit_due", under the same load).
// Run from the repository root (TypeScript sources, no build needed):
//   node --import tsx bench/visits.mjs [--db pglite|postgres|both] [--households 130000] [--keep]
// --keep leaves the database (PostgreSQL) or data folder (PGlite) in place for EXPLAIN, and prints where.
import { parseArgs } from 'node:util';
import { createPgDatabase, freshDataDir, machine, postgresVersion, removeDir, round, writeResult } from './lib.mjs';

const { values } = parseArgs({
  options: { db: { type: 'string', default: 'both' }, households: { type: 'string', default: '130000' }, keep: { type: 'boolean', default: false } },
});
const HOUSEHOLDS = Number(values.households);
const dbs = values.db === 'both' ? ['pglite', 'postgres'] : [values.db];
const NOW = new Date('2026-01-05T09:00:00+08:00');

const { openDatabase, migrateDatabase } = await import('../apps/server/src/db/client.ts');
const { seedDemo } = await import('../apps/server/src/modules/demo/seed.ts');
const visits = await import('../apps/server/src/modules/visits/service.ts');
const { recountVisitDue } = await import('../apps/server/src/modules/visits/rollup.ts');
const rollupRepo = await import('../apps/server/src/modules/visits/rollup-repository.ts');
const { summaryFromSources } = await import('../apps/server/src/modules/visits/repository.ts');
const linkage = await import('../apps/server/src/modules/linkage/service.ts');

// 26 days on, a fifth of the blue households (21k) are due on that very day: the summary counts
// them one by one (the day counters cannot split a day at "now"), a heavier day than real ones.
const LATER = new Date(NOW.getTime() + 26 * 86_400_000);
const clock = { now: () => new Date(NOW) };
const ctxFor = (db, actor, c = clock) => ({ db, actor, clock: c, locale: 'zh-CN', requestId: 'bench', ip: null });
const actor = (userId, role, unitCode) => ({ userId, username: `u${userId}`, displayName: 'bench', role, unitCode, departmentId: null });

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
async function timeIt(label, n, fn) {
  for (let i = 0; i < Math.min(5, n); i++) await fn(i); // warm-up
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const r = { label, n, p50Ms: round(pct(ms, 50), 2), p95Ms: round(pct(ms, 95), 2), maxMs: round(Math.max(...ms), 2) };
  console.log(`  ${label}: p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms (n=${n})`);
  return r;
}

async function seed(database) {
  const x = (q) => database.exec(q);
  const t0 = Date.now();
  // Zones and groups for every village except the demo one (which has its own).
  await x(`insert into units (code, parent_code, level, name, created_at, updated_at)
    select v.code || lpad(z::text, 2, '0'), v.code, 'zone', '第' || z || '片', now(), now()
    from units v cross join generate_series(1, 3) z where v.level = 'village' and v.code like '530303%' and v.code <> '530303203211'`);
  await x(`insert into units (code, parent_code, level, name, created_at, updated_at)
    select z.code || lpad(g::text, 2, '0'), z.code, 'group', z.name || g || '组', now(), now()
    from units z cross join generate_series(1, 3) g where z.level = 'zone' and z.code like '530303%' and z.code not like '530303203211%'`);
  // Households spread round-robin over every group of the district; 3 % red, 15 % yellow.
  await x(`insert into households (unit_code, address, head_name, tier, created_at, updated_at)
    select g.code, '门牌 ' || i, '户主' || i,
      case when i % 100 < 3 then 'red' when i % 100 < 18 then 'yellow' else 'blue' end,
      timestamptz '2024-12-01', timestamptz '2024-12-01'
    from generate_series(1, ${HOUSEHOLDS}) i
    join (select code, row_number() over (order by code) - 1 as rn, count(*) over () as n from units where level = 'group' and code like '530303%') g
      on g.rn = i % g.n`);
  // One representative per 25 households of a group (numbered within the group).
  await x(`create temp table hh_rank as select id, unit_code, tier, (row_number() over (partition by unit_code order by id) - 1) / 25 as slot from households`);
  await x(`insert into users (username, display_name, password_hash, role, unit_code, status)
    select 'brep-' || unit_code || '-' || slot, '代表' || slot, 'x', 'representative', unit_code, 'active'
    from (select distinct unit_code, slot from hh_rank) s`);
  await x(`insert into linkages (household_id, representative_user_id, linked_at)
    select h.id, u.id, timestamptz '2025-01-01' from hh_rank h join users u on u.username = 'brep-' || h.unit_code || '-' || h.slot`);
  // A year of visits: red weekly at home, others monthly (phone/WeChat every third). About one
  // household in ten has stopped being visited a while ago, so overdue lists are realistic.
  await x(`insert into visits (household_id, representative_user_id, kind, visited_at, findings, client_key, created_at)
    select h.id, l.representative_user_id,
      case when h.tier = 'red' or k % 3 <> 0 then 'home' else (case when k % 2 = 0 then 'phone' else 'wechat' end) end,
      ts, '情况稳定', 'bench-' || h.id || '-' || k, ts
    from households h join linkages l on l.household_id = h.id
    cross join lateral (
      select k, timestamptz '2026-01-05 09:00+08' - (k * (case when h.tier = 'red' then 7 else 30 end) + (h.id % 5) + (case when h.id % 10 = 0 then 40 else 0 end)) * interval '1 day' as ts
      from generate_series(0, case when h.tier = 'red' then 51 else 11 end) k
    ) v`);
  await x(`insert into visit_state (household_id, last_visit_at, last_kind, last_home_visit_at, visit_count)
    select household_id, max(visited_at), (array_agg(kind order by visited_at desc))[1], max(visited_at) filter (where kind = 'home'), count(*)
    from visits group by household_id`);
  await x('drop table hh_rank');
  await x('analyze');
  return (Date.now() - t0) / 1000;
}

/** Fills visit_due from the seeded sources as on an existing register (recount), then analyze. */
async function fillRollup(database) {
  const t0 = Date.now();
  const { corrected } = await recountVisitDue(ctxFor(database.db, null));
  const fillS = (Date.now() - t0) / 1000;
  await database.exec('analyze visit_due; analyze visit_due_days');
  const t1 = Date.now();
  const again = await recountVisitDue(ctxFor(database.db, null));
  if (again.corrected !== 0 || again.countersCorrected !== 0) throw new Error(`a second recount corrected ${JSON.stringify(again)}`);
  return { filled: corrected, fillS, checkS: (Date.now() - t1) / 1000 };
}

/** The rollup's summary rows must be exactly those computed from the sources. */
async function checkSame(db, unitCode, childLen, at = NOW) {
  const key = (r) => `${r.childCode}/${r.tier}`;
  const norm = (rows) => JSON.stringify([...rows].sort((a, b) => key(a).localeCompare(key(b))));
  const a = norm(await rollupRepo.summary(db, unitCode, childLen, at));
  const b = norm(await summaryFromSources(db, unitCode, childLen, at));
  if (a !== b) throw new Error(`summary of ${unitCode} differs from the sources:\n${a}\n${b}`);
}

async function counts(db) {
  const { sql } = await import('drizzle-orm');
  const one = async (q) => Number((await db.execute(sql.raw(q))).rows[0].n);
  return {
    groups: await one(`select count(*) as n from units where level = 'group'`),
    households: await one('select count(*) as n from households'),
    representatives: await one(`select count(*) as n from users where role = 'representative'`),
    visits: await one('select count(*) as n from visits'),
  };
}

async function benchOne(kind) {
  console.log(`[visits/${kind}] seeding ${HOUSEHOLDS} households…`);
  const dataDir = kind === 'pglite' ? freshDataDir('visits') : null;
  const pgdb = kind === 'postgres' ? await createPgDatabase('visits') : null;
  const database = await openDatabase({ url: pgdb?.url ?? null, dataDir });
  try {
    await migrateDatabase(database);
    await seedDemo(ctxFor(database.db, null));
    const seedS = await seed(database);
    const c = await counts(database.db);
    console.log(`[visits/${kind}] seeded in ${round(seedS, 1)} s: ${JSON.stringify(c)}; RSS ${round(process.memoryUsage().rss / 2 ** 20, 0)} MB`);
    const rollup = await fillRollup(database);
    console.log(
      `[visits/${kind}] visit_due filled by recountVisitDue: ${rollup.filled} rows in ${round(rollup.fillS, 1)} s; a recount with nothing to correct took ${round(rollup.checkS, 2)} s`,
    );
    const { sql } = await import('drizzle-orm');
    const reps = (await database.db.execute(sql.raw(`select id, unit_code from users where role = 'representative' and username like 'brep-%' order by id`)))
      .rows;
    const villages = (await database.db.execute(sql.raw(`select code from units where level = 'village' and code like '530303%' order by code`))).rows;
    const pick = (arr, i) => arr[(i * 7919) % arr.length];
    const results = [];
    results.push(
      await timeIt('my visits (a representative)', 300, async (i) => {
        const r = pick(reps, i);
        await visits.myVisits(ctxFor(database.db, actor(Number(r.id), 'representative', r.unit_code)));
      }),
    );
    results.push(
      await timeIt('village overdue list (first 100)', 135, async (i) => {
        const v = villages[i % villages.length];
        await visits.listOverdue(ctxFor(database.db, actor(1, 'village', v.code)), { unitCode: v.code, limit: 100, offset: 0 });
      }),
    );
    results.push(
      await timeIt('district visit summary', 30, async () => {
        await visits.summary(ctxFor(database.db, actor(1, 'district', '530303')), '530303');
      }),
    );
    results.push(
      await timeIt('district visit summary 26 days on (21k households due that day)', 30, async () => {
        await visits.summary(ctxFor(database.db, actor(1, 'district', '530303'), { now: () => new Date(LATER) }), '530303');
      }),
    );
    results.push(
      await timeIt('district visit summary from the sources (before visit_due)', 30, async () => {
        await summaryFromSources(database.db, '530303', 9, NOW);
      }),
    );
    results.push(
      await timeIt('township visit summary', 30, async (i) => {
        const code = pick(villages, i).code.slice(0, 9);
        await visits.summary(ctxFor(database.db, actor(1, 'township', code)), code);
      }),
    );
    results.push(
      await timeIt('district linkage coverage', 30, async () => {
        await linkage.coverage(ctxFor(database.db, actor(1, 'district', '530303')), '530303');
      }),
    );
    await checkSame(database.db, '530303', 9);
    await checkSame(database.db, '530303203', 12);
    await checkSame(database.db, villages[0].code, 14);
    await checkSame(database.db, '530303', 9, LATER);
    await checkSame(database.db, '530303203', 12, LATER);
    const sample = await visits.summary(ctxFor(database.db, actor(1, 'district', '530303')), '530303');
    const rssMb = round(process.memoryUsage().rss / 2 ** 20, 0);
    console.log(`[visits/${kind}] RSS after measuring: ${rssMb} MB; district overdue ${sample.total.overdue}, completion ${sample.total.completionRate}`);
    return {
      db: kind,
      seedS: round(seedS, 1),
      rollupFillS: round(rollup.fillS, 1),
      rollupRecountS: round(rollup.checkS, 2),
      counts: c,
      rssMb,
      districtTotal: sample.total,
      results,
    };
  } finally {
    await database.close();
    if (values.keep) console.log(`[visits/${kind}] kept: ${pgdb?.url ?? dataDir}`);
    else {
      await pgdb?.drop();
      if (dataDir) removeDir(dataDir);
    }
  }
}

const started = new Date();
const env = machine();
if (dbs.includes('postgres')) env.postgres = await postgresVersion();
const runs = [];
for (const kind of dbs) runs.push(await benchOne(kind));
const file = writeResult(`visits-${values.db}`, { bench: 'visits', date: started.toISOString(), machine: env, households: HOUSEHOLDS, runs });
console.log(`wrote ${file}`);

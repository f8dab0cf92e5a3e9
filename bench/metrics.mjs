// A district's monthly matter metrics with a million matters on PostgreSQL:
//   npx tsx bench/metrics.mjs --reuse <url of a database with ≥ 1M matters, e.g. kept by bench/similar.mjs --keep>
//   npx tsx bench/metrics.mjs [--matters 1000000]   (builds its own throwaway database)
//   add --reuse-facts to time again without refilling matter_facts
// Fills matter_facts for every matter with dates spread over 36 months (the shape the onMatterEvent
// listener writes), then times matterMetrics() — the service behind GET /api/metrics/matters — for
// 沾益区 (530303) by township, one month at a time, and EXPLAINs its query.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../apps/server/src/db/client.ts';
import { seedDistrictTree, systemCtx } from '../apps/server/src/modules/demo/seed.ts';
import { ensureDefaultCategories } from '../apps/server/src/modules/matters/categories.ts';
import { rateCountsSql } from '../apps/server/src/modules/metrics/repository.ts';
import { beijingMonth, matterMetrics } from '../apps/server/src/modules/metrics/service.ts';
import { ManualClock } from '../apps/server/src/platform/clock.ts';
import { createPgDatabase, machine, postgresVersion, round, writeResult } from './lib.mjs';

const { values } = parseArgs({
  options: {
    reuse: { type: 'string' },
    'reuse-facts': { type: 'boolean', default: false },
    matters: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '36' },
  },
});
const db = values.reuse ? { url: values.reuse, drop: async () => {} } : await createPgDatabase('metrics');
const database = await openDatabase({ url: db.url, dataDir: null, poolSize: 2 });
const client = new pg.Client({ connectionString: db.url });
client.on('error', () => {});
await client.connect();
try {
  const reuseFacts = values['reuse-facts'];
  if (values.reuse && reuseFacts) {
    // matter_facts is already filled from a previous run: time the queries only.
  } else if (values.reuse) {
    // A database built with an older squashed migration: add just this module's table and indexes.
    const { readFileSync } = await import('node:fs');
    const { migrationsFolder } = await import('../apps/server/src/db/client.ts');
    await client.query('drop table if exists matter_facts');
    const stmts = readFileSync(`${migrationsFolder()}/0000_init.sql`, 'utf8').split('--> statement-breakpoint');
    for (const st of stmts.filter((x) => x.includes('"matter_facts"')))
      await client.query(st).catch((e) => e.code === '42P07' || e.code === '42710' || Promise.reject(e));
  } else await migrateDatabase(database);
  const have = Number((await client.query('select count(*) n from matters')).rows[0].n);
  if (have < Number(values.matters)) {
    await seedDistrictTree(systemCtx(database.db));
    await ensureDefaultCategories(systemCtx(database.db));
    const villages = (await client.query("select code from units where level = 'village' order by code")).rows.map((r) => r.code);
    await client.query(
      `insert into matters (tracking_code, unit_code, category_code, urgency, state, description, reporter_kind, responsible_unit_code, first_unit_code,
                            respond_by, resolve_by, stage_deadline, created_at, updated_at)
       select 'M' || lpad(to_hex(i), 9, '0'), v, 'infrastructure', 'ordinary', 'closed', '测试', 'resident', v, v, now(), now(), now(), now(), now()
       from generate_series(1::bigint, $1::bigint) i, lateral (select ($2::text[])[1 + (i * 7919) % array_length($2::text[], 1)] v) u`,
      [Number(values.matters) - have, villages],
    );
  }
  const t0 = Date.now();
  if (!reuseFacts) await client.query('truncate matter_facts');
  // 36 months from 2024-01; about 90 % responded (most in time), 80 % resolved, a share rated, 5 % reopened.
  if (!reuseFacts)
    await client.query(`
    insert into matter_facts (matter_id, unit_code, state, created_at, respond_by, responded_at, resolve_by, resolved_at, answered_at,
                              rated_at, satisfaction, closed_at, settled_level, reopen_count, lead_department_id)
    select id, unit_code, case when h % 10 < 7 then 'closed' when h % 10 = 7 then 'closedUnresolved' else 'accepted' end,
           c, c + interval '24 hours', case when h % 10 < 9 then c + (h % 30) * interval '1 hour' end,
           c + interval '7 days', case when h % 10 < 8 then c + (h % 9) * interval '1 day' end,
           case when h % 10 < 7 then c + (h % 9) * interval '1 day' + interval '2 hours' end,
           case when h % 10 < 5 then c + (h % 9) * interval '1 day' + interval '5 hours' end,
           case when h % 10 < 5 then (array['satisfied', 'basic', 'unsatisfied'])[1 + h % 3] end,
           case when h % 10 < 8 then c + (h % 9) * interval '1 day' + interval '1 day' end,
           case when h % 10 < 8 then (array['group', 'zone', 'village', 'village', 'township', 'department'])[1 + h % 6] end,
           case when h % 20 = 0 then 1 else 0 end,
           case when h % 5 = 0 then (select min(id) from departments) + h % 5 end
    from (select id, unit_code, (id * 2654435761) % 1000003 as h,
                 timestamptz '2024-01-01 00:00+08' + ((id * 2654435761) % 1095) * interval '1 day' + (id % 24) * interval '1 hour' as c
          from matters) m`);
  await client.query('vacuum analyze matter_facts');
  const fillMs = Date.now() - t0;
  const n = Number((await client.query('select count(*) n from matter_facts')).rows[0].n);
  console.log(`matter_facts: ${n} rows in ${fillMs} ms`);

  const actor = { userId: 0, username: 'bench', displayName: 'bench', role: 'district', unitCode: '530303', departmentId: null };
  const times = [];
  const serverTimes = [];
  const runs = Number(values.runs);
  for (let i = 0; i < runs + 3; i++) {
    const month = beijingMonth(new Date(Date.UTC(2024, (i % 36) + 0, 15)));
    const clock = new ManualClock(new Date('2027-01-01T00:00:00+08:00'));
    const ctx = { db: database.db, actor, clock, locale: 'zh-CN', requestId: 'bench', ip: null };
    const s = process.hrtime.bigint();
    const out = await matterMetrics(ctx, { unitCode: '530303', from: month.from, to: month.to, groupBy: 'unit' });
    const ms = Number(process.hrtime.bigint() - s) / 1e6;
    if (i < 3) continue;
    times.push(ms);
    if (i === 3) console.log(`e.g. ${out.rows.length} townships, response ${out.total.response.num}/${out.total.response.den}`);
    const q = { unitCode: '530303', from: month.from, to: month.to, now: clock.now(), groupBy: 'unit', childLength: 9 };
    const ex = await database.db.execute(sql`explain (analyze, timing off, format json) ${rateCountsSql(q)}`);
    serverTimes.push(ex.rows[0]['QUERY PLAN'][0]['Execution Time']);
  }
  const pct = (xs, p) => round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))], 1);
  const plan = (
    await database.db.execute(
      sql`explain ${rateCountsSql({ unitCode: '530303', from: new Date('2025-03-01T00:00:00+08:00'), to: new Date('2025-04-01T00:00:00+08:00'), now: new Date(), groupBy: 'unit', childLength: 9 })}`,
    )
  ).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  const result = {
    bench: 'metrics',
    date: new Date().toISOString(),
    machine: { ...machine(), postgres: await postgresVersion() },
    matters: n,
    months: 36,
    runs,
    p50Ms: pct(times, 0.5),
    p95Ms: pct(times, 0.95),
    maxMs: round(Math.max(...times), 1),
    serverP50Ms: pct(serverTimes, 0.5),
    serverP95Ms: pct(serverTimes, 0.95),
    loadAverage: (await import('node:os')).loadavg().map((x) => round(x, 1)),
    plan,
  };
  console.log(result);
  console.log(`wrote ${writeResult('metrics-1M', result)}`);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await client.end();
  await database.close();
  await db.drop();
}

// Similar-matters lookup with a million matters on PostgreSQL:
//   npx tsx bench/similar.mjs [--matters 1000000] [--open 0.1] [--queries 500]
// Builds a throwaway database with 沾益区's tree, spreads the matters over its 135 villages (a share
// `open` of them still open), fills matter_text_index the way the onMatterEvent hook does, then times
// featuresOf + findSimilar (the service's query) for random paraphrases in random villages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../apps/server/src/db/client.ts';
import { seedDistrictTree, systemCtx } from '../apps/server/src/modules/demo/seed.ts';
import { ensureDefaultCategories } from '../apps/server/src/modules/matters/categories.ts';
import { featuresOf } from '../apps/server/src/modules/similar/features.ts';
import { findSimilar, similarSql } from '../apps/server/src/modules/similar/repository.ts';
import { MAX_RESULTS, MIN_SCORE } from '../apps/server/src/modules/similar/service.ts';
import { sql } from 'drizzle-orm';
import { createPgDatabase, machine, postgresVersion, ROOT, round, writeResult } from './lib.mjs';

const { values } = parseArgs({
  options: {
    matters: { type: 'string', default: '1000000' },
    open: { type: 'string', default: '0.1' },
    queries: { type: 'string', default: '500' },
    // --keep leaves the database for further runs with --reuse <url> (skips the 7-minute build).
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const N = Number(values.matters);
const OPEN = Number(values.open);
const Q = Number(values.queries);
const { items } = JSON.parse(readFileSync(path.join(ROOT, 'bench/data/similar-eval.json'), 'utf8'));
const PREFIX = ['', '', '', '地河一组', '小河边组', '新村组', '昨天', '今天早上', '第二次反映：', '村民反映：', '急！', '老问题了，'];
const SUFFIX = ['', '', '', '，请尽快处理', '，谢谢', '，希望村里重视', '，已经反映过一次', '，联系电话见登记'];

const db = values.reuse ? { url: values.reuse, drop: async () => {} } : await createPgDatabase('similar');
const started = Date.now();
const database = await openDatabase({ url: db.url, dataDir: null, poolSize: 4 });
try {
  const client = new pg.Client({ connectionString: db.url });
  client.on('error', () => {}); // the finally below drops the database under it
  await client.connect();
  const villages = values.reuse
    ? (await client.query("select code from units where level = 'village' order by code")).rows.map((r) => r.code)
    : await build(client);
  async function build() {
    await migrateDatabase(database);
    const ctx = systemCtx(database.db);
    await seedDistrictTree(ctx);
    await ensureDefaultCategories(ctx);
    const villages = (await client.query("select code from units where level = 'village' order by code")).rows.map((r) => r.code);
    // Text variants: base text × prefix × suffix, each with its features computed once per village later.
    const variants = new Set();
    for (const it of items) for (const p of PREFIX) for (const s of SUFFIX) variants.add(`${p}${it.text}${s}`);
    const texts = [...variants];
    console.log(`${villages.length} villages, ${texts.length} text variants, ${N} matters (${OPEN * 100}% open)`);
    await client.query('create temporary table texts (k int primary key, body text)');
    await client.query('insert into texts select k - 1, t from unnest($1::text[]) with ordinality u(t, k)', [texts]);
    const t0 = Date.now();
    await client.query(
      `insert into matters (tracking_code, unit_code, category_code, urgency, state, description, reporter_kind, responsible_unit_code, first_unit_code,
                          respond_by, resolve_by, stage_deadline, created_at, updated_at, closed_at)
     select 'B' || lpad(to_hex(i), 9, '0'), v.code, 'infrastructure', 'ordinary', case when i % 1000 < $3 then 'accepted' else 'closed' end,
            t.body, 'resident', v.code, v.code, now(), now(), now(), now() - (i % 1000) * interval '1 hour', now(),
            case when i % 1000 < $3 then null else now() end
     from generate_series(1::bigint, $1::bigint) i
     join lateral (select code from unnest($2::text[]) with ordinality u(code, k) where k = 1 + (i * 7919) % array_length($2::text[], 1)) v on true
     join texts t on t.k = (i * 104729) % ${texts.length}`,
      [N, villages, Math.round(OPEN * 1000)],
    );
    console.log(`matters inserted in ${Date.now() - t0} ms`);
    // Features per (text variant); keys per village are derived in SQL.
    const feats = texts.map((x) => featuresOf('', x));
    await client.query('create temporary table feats (k int primary key, bigrams text[], words text[], word_weight float8, keys text[])');
    const arr = 'select array_agg(x) from jsonb_array_elements_text';
    await client.query(
      `insert into feats select k - 1, (${arr}(b) x), (${arr}(w) x), ww, (${arr}(ks) x)
     from unnest($1::jsonb[], $2::jsonb[], $3::float8[], $4::jsonb[]) with ordinality u(b, w, ww, ks, k)`,
      [
        feats.map((f) => JSON.stringify(f.bigrams)),
        feats.map((f) => JSON.stringify(f.words)),
        feats.map((f) => f.wordWeight),
        // featuresOf('') gives keys as ':路灯'; the village code is prefixed per matter below.
        feats.map((f) => JSON.stringify(f.keys)),
      ],
    );
    const t1 = Date.now();
    // Bulk load without the index, then build it with the migration's own definition.
    const indexDef = (await client.query("select indexdef from pg_indexes where indexname = 'matter_text_index_keys'")).rows[0].indexdef;
    await client.query('drop index matter_text_index_keys');
    await client.query(`
    insert into matter_text_index (matter_id, village_code, unit_code, open, bigrams, words, word_weight, keys)
    select m.id, left(m.unit_code, 12), m.unit_code, m.closed_at is null, f.bigrams, f.words, f.word_weight,
           array(select left(m.unit_code, 12) || k from unnest(f.keys) k)
    from matters m join texts t on t.body = m.description join feats f on f.k = t.k`);
    await client.query(indexDef);
    await client.query('vacuum analyze matters');
    await client.query('vacuum analyze matter_text_index');
    console.log(`text index filled in ${Date.now() - t1} ms`);
    return villages;
  }
  const size = (
    await client.query("select pg_size_pretty(pg_total_relation_size('matter_text_index')) t, pg_size_pretty(pg_relation_size('matter_text_index_keys')) i")
  ).rows[0];
  const plan = (
    await client.query(`explain (analyze, buffers) select matter_id from matter_text_index i where i.open and i.keys && $1::text[] and i.village_code = $2`, [
      featuresOf(villages[3], items[0].text).keys,
      villages[3],
    ])
  ).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  await client.end();

  const times = [];
  const featureTimes = [];
  const serverTimes = [];
  let found = 0;
  for (let q = 0; q < Q + 20; q++) {
    const v = villages[(q * 31) % villages.length];
    const text = items[(q * 17) % items.length].text.slice(2); // a paraphrase-ish cut of a base text
    const s = process.hrtime.bigint();
    const f = featuresOf(v, text);
    const fMs = Number(process.hrtime.bigint() - s) / 1e6;
    const sq = { ...f, villageCode: v, scope: v, minScore: MIN_SCORE, limit: MAX_RESULTS };
    const hits = await findSimilar(database.db, sq);
    const ms = Number(process.hrtime.bigint() - s) / 1e6;
    // The database's own execution time: what the query costs without client-side scheduling noise.
    const ex = await database.db.execute(sql`explain (analyze, timing off, format json) ${similarSql(sq)}`);
    if (q >= 20) serverTimes.push(ex.rows[0]['QUERY PLAN'][0]['Execution Time']);
    if (q >= 20) {
      times.push(ms);
      featureTimes.push(fMs);
      if (hits.length) found++;
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p) => round(times[Math.min(times.length - 1, Math.floor(p * times.length))], 2);
  const result = {
    bench: 'similar',
    date: new Date(started).toISOString(),
    machine: { ...machine(), postgres: await postgresVersion() },
    matters: N,
    openShare: OPEN,
    openPerVillage: Math.round((N * OPEN) / villages.length),
    queries: Q,
    withHits: found,
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    p99Ms: pct(0.99),
    maxMs: round(times.at(-1), 2),
    serverP50Ms: round(serverTimes.sort((a, b) => a - b)[Math.floor(0.5 * serverTimes.length)], 2),
    serverP95Ms: round(serverTimes[Math.floor(0.95 * serverTimes.length)], 2),
    loadAverage: (await import('node:os')).loadavg().map((x) => round(x, 1)),
    featuresP95Ms: round(featureTimes.sort((a, b) => a - b)[Math.floor(0.95 * featureTimes.length)], 2),
    indexSize: size,
    plan,
  };
  console.log(result);
  console.log(`wrote ${writeResult(`similar-${N}-${OPEN}`, result)}`);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await database.close();
  if (values.keep) console.log(`kept ${db.url}`);
  else await db.drop();
}

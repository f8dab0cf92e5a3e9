// Bench "matters" (PostgreSQL): the public intake POST /api/public/matters under autocannon against
// the built server, next to the machine's own ceiling for the same INSERTs measured with pgbench in
// the same run (pgbench reads ":name" as a variable: no JSON literals with colons in the script); then a million matters (generate_series) and the queue page's latency per role.
//   npm run build -w @jiceng/server && node bench/matters.mjs [--seconds 15] [--connections 20] [--rows 1000000]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  createPgDatabase,
  freePort,
  freshDataDir,
  login,
  machine,
  postgresVersion,
  removeDir,
  requireBuild,
  round,
  serverEnv,
  startServer,
  writeResult,
} from './lib.mjs';
import { ceiling, DESCRIPTION, GROUP } from './intake-lib.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '20' },
    rows: { type: 'string', default: '1000000' },
    // --keep leaves the database (its URL is printed) for EXPLAIN; --queue-only skips the intake part,
    // --intake-only the million matters and the queue.
    'intake-only': { type: 'boolean', default: false },
    // JICENG_WORKERS for the server (HTTP worker processes; 1 = one process).
    workers: { type: 'string', default: '1' },
    // Reports per second of the steady phase (the lag when handlers keep up); the saturating run follows.
    'steady-rate': { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
    'queue-only': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROWS = Number(values.rows);

function cannon(opts) {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

/** Reports at a steady rate (requests per second), for the handling lag at a load the handlers keep up with. */
async function steady(base, rate, seconds) {
  const body = JSON.stringify({ unitCode: GROUP, categoryCode: 'infrastructure', description: DESCRIPTION });
  const r = await cannon({
    url: `${base}/api/public/matters`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 10,
    overallRate: rate,
    duration: seconds,
  });
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`steady: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { rate, requests: r.requests.total, p99Ms: r.latency.p99 };
}

async function intake(base) {
  const body = JSON.stringify({ unitCode: GROUP, categoryCode: 'infrastructure', description: DESCRIPTION });
  const opts = { url: `${base}/api/public/matters`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS };
  await cannon({ ...opts, amount: 300 }); // warm-up
  const r = await cannon({ ...opts, duration: SECONDS });
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`intake: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { requests: r.requests.total, reqPerSec: round(r.requests.average, 0), p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max };
}

/**
 * The domain events' handling lag under that load (commit to handled, in the server's own ring
 * buffer of the last deliveries, GET /api/admin/events), once every handler has caught up.
 */
async function eventLag(base) {
  const cookie = await login(base, 'admin');
  const started = Date.now();
  for (;;) {
    const res = await fetch(`${base}/api/admin/events`, { headers: { cookie } });
    const body = await res.json();
    const pending = body.pending.reduce((n, p) => n + p.pending, 0);
    if (pending === 0) return { lagMs: body.lagMs, drainMs: Date.now() - started, failing: body.failing.length };
    if (Date.now() - started > 120_000) throw new Error(`events: ${pending} still pending two minutes after the load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A district's years of matters: ~90% closed, the open ones spread over villages, townships and the district. */
async function generate(client) {
  const started = Date.now();
  await client.query(`
    with v as (select array_agg(code order by code) a from units where level = 'village' and code like '530303%')
    insert into matters (tracking_code, unit_code, category_code, urgency, state, description, reporter_kind, hide_reporter,
      responsible_unit_code, first_unit_code, respond_by, resolve_by, stage_deadline, created_at, updated_at, closed_at)
    select 'B' || lpad(to_hex(g), 9, '0'), unit, (array['infrastructure','utilities','environment','housing','social','farming'])[1 + g % 6],
      (array['urgent','ordinary','complex'])[1 + g % 3], st, '批量生成的诉求 ' || g, 'resident', false,
      case when g % 10 < 7 then unit when g % 10 < 9 then left(unit, 9) else left(unit, 6) end, unit,
      created + interval '24 hours', created + interval '7 days',
      case when st in ('closed','closedUnresolved') then timestamptz '9999-12-31' else now() + ((g % 1000) - 500) * interval '1 hour' end,
      created, created, case when st in ('closed','closedUnresolved') then created + interval '5 days' end
    from v, generate_series(1, ${ROWS}) g,
      lateral (select a[1 + (g / 10) % array_length(a, 1)] as unit, now() - (g % 1000) * interval '1 day' as created,
        case when g % 10 = 3 then (array['reported','triaged','accepted','escalated','dispatched','resolved','answered'])[1 + (g / 10) % 7]
             when g % 97 = 0 then 'closedUnresolved' else 'closed' end as st) x`);
  const dept = await client.query(`select id from departments where name = '区住房和城乡建设局'`);
  await client.query(
    `insert into matter_dispatches (matter_id, department_id, role, dispatched_at, check_in_by, reply_by)
     select id, $1, 'lead', now(), now() + interval '1 day', now() + interval '7 days' from matters where state = 'dispatched' and tracking_code like 'B%'`,
    [dept.rows[0].id],
  );
  // What autovacuum would have done to a table that grew over years.
  await client.query('vacuum analyze matters');
  await client.query('vacuum analyze matter_dispatches');
  const counts = await client.query(`select count(*)::int n, count(*) filter (where closed_at is null)::int open from matters`);
  return { ...counts.rows[0], generateMs: Date.now() - started };
}

async function timeQueue(base, cookie, n = 200) {
  const times = [];
  let after = null;
  for (let i = 0; i < n; i++) {
    // Every fourth request asks for the next page, so keyset paging is measured too.
    const url = `${base}/api/matters/queue?limit=50${i % 4 === 3 && after ? `&after=${after}` : ''}`;
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.json();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`queue: ${res.status} ${JSON.stringify(body)}`);
    after = body.nextAfter ?? after;
    if (i === 0) times.items = body.items.length;
  }
  const s = [...times].sort((a, b) => a - b);
  return { requests: n, items: times.items, p50Ms: round(s[Math.floor(n * 0.5)], 1), p95Ms: round(s[Math.floor(n * 0.95)], 1), maxMs: round(s[n - 1], 1) };
}

/** The page queries' SQL alone (what the repository sends for each role's first page), timed in the database. */
async function sqlTimes(client, n = 50) {
  const dept = (await client.query(`select id from departments where name = '区住房和城乡建设局'`)).rows[0].id;
  const village = (
    await client.query(`select left(responsible_unit_code, 12) v from matters where closed_at is null and length(responsible_unit_code) = 12 limit 1`)
  ).rows[0].v;
  const page = 'order by stage_deadline, id limit 51';
  const queries = {
    village: `select id from matters where closed_at is null and left(responsible_unit_code, 12) = '${village}' ${page}`,
    township: `select id from matters where closed_at is null and left(responsible_unit_code, 9) = '${village.slice(0, 9)}' ${page}`,
    district: `select id from matters where closed_at is null and left(responsible_unit_code, 6) = '530303' ${page}`,
    department: `select id from matters where closed_at is null and exists (select 1 from matter_dispatches d where d.matter_id = matters.id and d.department_id = ${dept} and d.active) ${page}`,
  };
  const out = {};
  for (const [role, q] of Object.entries(queries)) {
    const times = [];
    for (let i = 0; i < n; i++) {
      const plan = (await client.query(`explain (analyze, format json) ${q}`)).rows[0]['QUERY PLAN'][0];
      times.push(plan['Execution Time']);
    }
    const sorted = times.sort((a, b) => a - b);
    out[role] = { p50Ms: round(sorted[n >> 1], 2), p95Ms: round(sorted[Math.floor(n * 0.95)], 2) };
  }
  return out;
}

async function main() {
  requireBuild();
  const dataDir = freshDataDir('matters');
  const db = await createPgDatabase('matters');
  const port = freePort();
  let server;
  try {
    server = await startServer({ ...serverEnv({ port, dataDir, url: db.url }), JICENG_PUBLIC_RATE_LIMIT: '100000000', JICENG_WORKERS: values.workers });
    // Workers beyond the first answer /api/health a little later: let all of them start and warm up.
    if (values.workers !== '1') await new Promise((r) => setTimeout(r, 5000));
    const base = `http://127.0.0.1:${port}`;
    let endpoint = null;
    let pgb = null;
    let events = null;
    let steadyLag = null;
    if (!values['queue-only']) {
      console.log(`[matters] steady ${values['steady-rate']} reports/s × 10 s, then the handling lag …`);
      const steadyRun = await steady(base, Number(values['steady-rate']), 10);
      steadyLag = { ...steadyRun, ...(await eventLag(base)) };
      console.log(`[matters] steady: event lag p50 ${steadyLag.lagMs.p50} ms, p95 ${steadyLag.lagMs.p95} ms`);
      console.log(`[matters] intake: autocannon ${CONNECTIONS} connections × ${SECONDS} s …`);
      endpoint = await intake(base);
      console.log(`[matters] intake ${endpoint.reqPerSec} req/s, p99 ${endpoint.p99Ms} ms; ceiling: pgbench …`);
      events = await eventLag(base);
      console.log(`[matters] event lag p95 ${events.lagMs.p95} ms (drained in ${events.drainMs} ms after the load)`);
      pgb = ceiling(db.url, dataDir, { connections: CONNECTIONS, seconds: SECONDS });
      console.log(`[matters] ceiling ${pgb.tps} tps`);
    }
    let queueResult = null;
    if (!values['intake-only']) {
      console.log(`[matters] generating ${ROWS} matters …`);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const generated = await generate(client);
      const sql = await sqlTimes(client);
      await client.end();
      console.log(`[matters] ${generated.n} matters (${generated.open} open) in ${generated.generateMs} ms; queue pages …`);
      const queue = {};
      for (const user of ['village', 'township', 'district', 'department']) queue[user] = await timeQueue(base, await login(base, user));
      queueResult = { rows: generated, pages: queue, sql };
    }
    const result = {
      bench: 'matters',
      date: new Date().toISOString(),
      machine: { ...machine(), postgres: await postgresVersion() },
      intake: endpoint && {
        connections: CONNECTIONS,
        seconds: SECONDS,
        workers: values.workers,
        endpoint,
        ceiling: pgb,
        ratio: round(endpoint.reqPerSec / pgb.tps, 2),
        events,
        steady: steadyLag,
      },
      queue: queueResult,
    };
    console.log(JSON.stringify(result, null, 2));
    if (!values['queue-only'])
      console.log(`wrote ${writeResult(values['intake-only'] ? `matters-intake-postgres-w${values.workers}` : 'matters-postgres', result)}`);
  } finally {
    await server?.stop();
    if (values.keep) console.log(`[matters] kept ${db.url} and ${dataDir}`);
    else {
      await db.drop();
      removeDir(dataDir);
    }
  }
}

await main();

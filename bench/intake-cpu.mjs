// Where one report's CPU goes (PostgreSQL): the server's processes, PostgreSQL's, the load
// generator's, per request, and how idle the machine stayed, read from /proc around an autocannon
// run of POST /api/public/matters. For profiling the intake between runs of bench/matters.mjs;
// JICENG_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" adds a V8 profile of the server.
//   npm run build -w @jiceng/server && node bench/intake-cpu.mjs [--seconds 10] [--workers 1]
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DESCRIPTION, GROUP } from './intake-lib.mjs';
import { createPgDatabase, freePort, freshDataDir, removeDir, requireBuild, round, serverEnv, startServer } from './lib.mjs';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, workers: { type: 'string', default: '1' }, connections: { type: 'string', default: '20' } },
});
const TICK_MS = 10; // USER_HZ = 100

const stat = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
const pids = () => readdirSync('/proc').filter((p) => /^\d+$/.test(p));
/** [user, system] clock ticks of these processes. */
function ticks(list) {
  let user = 0;
  let sys = 0;
  for (const p of list) {
    try {
      const f = stat(p);
      user += Number(f[11]);
      sys += Number(f[12]);
    } catch {
      // exited
    }
  }
  return [user, sys];
}
const postgres = () => pids().filter((p) => readFileSync(`/proc/${p}/stat`, 'utf8').includes('(postgres)'));
function cpuIdle() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) };
}

requireBuild();
const dataDir = freshDataDir('intake-cpu');
const db = await createPgDatabase('intake_cpu');
const server = await startServer({
  ...serverEnv({ port: freePort(), dataDir, url: db.url }),
  JICENG_PUBLIC_RATE_LIMIT: '100000000',
  JICENG_WORKERS: values.workers,
});
try {
  if (values.workers !== '1') await new Promise((r) => setTimeout(r, 5000));
  const serverPids = [String(server.child.pid), ...pids().filter((p) => stat(p)[1] === String(server.child.pid))];
  const body = JSON.stringify({ unitCode: GROUP, categoryCode: 'infrastructure', description: DESCRIPTION });
  const opts = {
    url: `${server.base}/api/public/matters`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: Number(values.connections),
  };
  await new Promise((r) => autocannon({ ...opts, amount: 300 }, r));
  const pg = postgres();
  const [s0, p0, i0, m0] = [ticks(serverPids), ticks(pg), cpuIdle(), process.cpuUsage()];
  const res = await new Promise((resolve, reject) => autocannon({ ...opts, duration: Number(values.seconds) }, (e, r) => (e ? reject(e) : resolve(r))));
  const [s1, p1, i1, m1] = [ticks(serverPids), ticks(pg), cpuIdle(), process.cpuUsage(m0)];
  const n = res.requests.total;
  const ms = (a, b) => round(((b[0] - a[0] + b[1] - a[1]) * TICK_MS) / n, 3);
  console.log(
    JSON.stringify(
      {
        requests: n,
        status: res.statusCodeStats,
        reqPerSec: round(res.requests.average, 0),
        p99Ms: res.latency.p99,
        cpuMsPerRequest: {
          server: ms(s0, s1),
          serverUser: round(((s1[0] - s0[0]) * TICK_MS) / n, 3),
          postgres: ms(p0, p1),
          loadGenerator: round((m1.user + m1.system) / 1000 / n, 3),
        },
        idlePercent: round((100 * (i1.idle - i0.idle)) / (i1.total - i0.total), 1),
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
  await db.drop();
  removeDir(dataDir);
}

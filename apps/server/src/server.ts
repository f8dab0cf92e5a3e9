import cluster from 'node:cluster';
import { type Database, migrateDatabase, openDatabase } from './db/client';
import { retryWhileUnavailable } from './db/startup-retry';
import { type Clock, offsetClock } from './platform/clock';
import { type Config, loadConfig } from './platform/config';

/**
 * Opens, migrates and seeds the database; the demo and reference data loaders load only when needed
 * here. Answers whether the demo's sample register is still to be seeded (after the app is built).
 */
async function prepareDatabase(config: Config, clock: Clock): Promise<{ database: Database; needsSample: boolean }> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    prepare: config.pgPrepare,
    checkpointEveryMs: config.checkpointMinutes * 60_000,
  });
  const [{ seedDemo, hasDemoSample, systemCtx }, { ensureDefaultCategories }] = await Promise.all([
    import('./modules/demo/seed'),
    import('./modules/matters/categories'),
  ]);
  const [{ allHandlers }, { subscribeHandlers }] = await Promise.all([import('./modules'), import('./platform/events/subscriptions')]);
  const warn = (msg: string) => process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), pid: process.pid, msg })}\n`);
  const needsSample = await retryWhileUnavailable(
    () =>
      database.exclusive('prepare', async () => {
        await migrateDatabase(database);
        // Before anything publishes: every event from now on gets a delivery per declared handler.
        await subscribeHandlers(database.db, allHandlers());
        // The matter category catalogue is reference data production needs too (idempotent).
        await ensureDefaultCategories(systemCtx(database.db, clock));
        if (!config.demo) return false;
        await seedDemo(systemCtx(database.db, clock));
        return !(await hasDemoSample(systemCtx(database.db, clock)));
      }),
    config.dbWaitSeconds,
    warn,
  );
  return { database, needsSample };
}

/**
 * The database as the app sees it while being built: the app only reaches `db` when a request
 * arrives, which is after `ready` (the server listens only then), so reaching it earlier is a bug.
 */
function pendingDatabase(kind: Database['kind'], ready: Promise<Database>): Database {
  let opened: Database | null = null;
  ready.then(
    (d) => {
      opened = d;
    },
    () => {},
  );
  const get = () => {
    if (!opened) throw new Error('the database is used before it is ready');
    return opened;
  };
  return {
    kind,
    get db() {
      return get().db;
    },
    exec: async (text) => (await ready).exec(text),
    exclusive: async (name, fn) => (await ready).exclusive(name, fn),
    close: async () => (await ready).close(),
  };
}

/** Starts jiceng: open the database, migrate, seed the demo if asked, listen, stop cleanly. */
async function serve(config: Config): Promise<void> {
  const clock = offsetClock(config.clockOffsetMs);
  // Opening the database (PGlite alone takes about a second) overlaps loading the web stack and
  // building the app, which are independent of it; listening waits for both.
  const prepared = prepareDatabase(config, clock);
  const ready = prepared.then((p) => p.database);
  ready.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
  const [{ buildApp }, { allJobs, allHandlers }, { startJobs }, { startDispatcher }] = await Promise.all([
    import('./app'),
    import('./modules'),
    import('./platform/jobs'),
    import('./platform/events/dispatcher'),
  ]);
  const app = await buildApp({ config, clock, database: pendingDatabase(config.databaseUrl ? 'postgres' : 'pglite', ready) });
  const { database, needsSample } = await prepared;
  if (needsSample) {
    // The sample's events are handled by the dispatcher once the server listens.
    const [{ seedDemoSample }, { systemCtx }] = await Promise.all([import('./modules/demo/sample'), import('./modules/demo/seed')]);
    // A demo without its sample is still a demo: say why and serve on.
    await database
      .exclusive('prepare', () => seedDemoSample(systemCtx(database.db, clock)))
      .catch((err) => app.log.error({ err }, 'the demo sample could not be seeded'));
  }
  let closing = false;
  let stopJobs = async () => {};
  let stopEvents = async () => {};
  let stopSeeding = async () => {};
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await stopSeeding();
    await stopJobs();
    await stopEvents();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  stopJobs = startJobs(database, clock, allJobs(), app.log, config.jobsEveryMs);
  stopEvents = startDispatcher(database, clock, allHandlers(), app.log, config.eventsPollMs);
  if (config.demo && config.demoDistrict) {
    const { seedDistrictInBackground } = await import('./modules/demo/background');
    stopSeeding = seedDistrictInBackground(database, clock, app.log);
  }
  app.log.info({ db: database.kind, demo: config.demo }, `jiceng is ready at http://${config.host}:${config.port}`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    const { superviseWorkers } = await import('./platform/workers');
    superviseWorkers(config.workers);
    return;
  }
  await serve(config);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

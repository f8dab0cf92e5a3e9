import { buildApp } from './app';
import { migrateDatabase, openDatabase } from './db/client';
import { seedDemo, systemCtx } from './modules/demo/seed';
import { allJobs } from './jobs';
import { loadConfig } from './platform/config';
import { systemClock } from './platform/clock';
import { startJobs } from './platform/jobs';

/** Starts jiceng: open the database, migrate, seed the demo if asked, listen, stop cleanly. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  if (config.demo) await seedDemo(systemCtx(database.db));
  const app = await buildApp({ config, database });
  let closing = false;
  let stopJobs = async () => {};
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  stopJobs = startJobs(database, systemClock, allJobs, app.log);
  app.log.info({ db: database.kind, demo: config.demo }, `jiceng is ready at http://${config.host}:${config.port}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

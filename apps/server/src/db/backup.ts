import { spawn } from 'node:child_process';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { openDatabase } from './client';
import { lockDataDir } from './data-lock';
import { DURABLE_START_PARAMS, DurableNodeFS } from './pglite-durable';

/** Where the database is: PostgreSQL's URL, or the embedded data folder. */
export interface BackupTarget {
  databaseUrl: string | null;
  dataDir: string;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => reject(new Error(`${cmd} could not run (${e.message}); install the PostgreSQL client tools`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (exit ${code}): ${err.trim()}`))));
  });
}

/**
 * Writes a backup to `file` (mode 0600: it holds the register). PostgreSQL: `pg_dump` custom
 * format, an online consistent snapshot (one repeatable-read transaction) while the app serves.
 * PGlite: a checkpoint, then a gzipped tarball of the data folder taken with every query held
 * back; the data folder has one owner (db/data-lock.ts), so the server must be stopped first.
 */
export async function backupDatabase(target: BackupTarget, file: string): Promise<{ bytes: number }> {
  if (target.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', file, '--dbname', target.databaseUrl]);
  } else {
    const database = await openDatabase({ url: null, dataDir: target.dataDir, checkpointEveryMs: 0 });
    try {
      const blob = await (database.dumpDataDir as () => Promise<Blob>)();
      writeFileSync(file, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
    } finally {
      await database.close();
    }
  }
  return { bytes: statSync(file).size };
}

/**
 * Replaces the database with the backup in `file`. PostgreSQL: `pg_restore --clean` in one
 * transaction (all or nothing). PGlite (server stopped): the current data folder is kept beside
 * as `pglite.before-restore-<time>` and the backup unpacked in its place. Returns that folder.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<{ keptAside: string | null }> {
  if (target.databaseUrl) {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', target.databaseUrl, file]);
    return { keptAside: null };
  }
  const data = readFileSync(file);
  const release = lockDataDir(path.join(target.dataDir, 'pglite.lock'));
  try {
    const dir = path.join(target.dataDir, 'pglite');
    let keptAside: string | null = null;
    try {
      statSync(dir);
      keptAside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dir, keptAside);
    } catch {
      // no current database
    }
    const client = await PGlite.create({
      fs: new DurableNodeFS(dir),
      startParams: DURABLE_START_PARAMS,
      loadDataDir: new Blob([data]),
      extensions: { pg_trgm },
    });
    await client.exec('CHECKPOINT');
    await client.close();
    return { keptAside };
  } finally {
    release();
  }
}

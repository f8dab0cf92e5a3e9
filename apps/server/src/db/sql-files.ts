import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './client';

/**
 * Idempotent SQL that drizzle-kit cannot express: extensions (before the migrations, which may
 * use them) and triggers such as the append-only audit log (after). Files are `pre-*.sql` or
 * `post-*.sql`, run in name order on every start.
 */
export async function runSqlFiles(database: Database, dir: string, phase: 'pre' | 'post'): Promise<void> {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${phase}-`) && f.endsWith('.sql'))
    .sort();
  for (const file of files) await database.exec(readFileSync(path.join(dir, file), 'utf8'));
}

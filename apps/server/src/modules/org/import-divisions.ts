import { type UnitLevel, parentCodeOf } from '@jiceng/shared';
import type { Executor } from '../../db/client';
import { type DivisionRow, readDivisionCsv, upsertDivisions } from './divisions';
import { units } from './tables';

export interface ImportProgress {
  level: UnitLevel;
  done: number;
}

export interface ImportResult {
  read: number;
  upserted: number;
  orphans: string[];
}

const BATCH = 2000;

/**
 * Loads divisions from NBS-format CSV files, idempotently: one pass per level (districts, then
 * townships, then villages) so every parent exists before its children, in batches so memory
 * stays flat for the whole country. A row whose parent is nowhere to be found is skipped and
 * reported rather than failing the whole import.
 */
export async function importDivisions(
  db: Executor,
  files: string[],
  options: { prefix?: string; now?: Date; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const known = new Set((await db.select({ code: units.code }).from(units)).map((r) => r.code));
  const result: ImportResult = { read: 0, upserted: 0, orphans: [] };
  for (const level of ['district', 'township', 'village'] as const) {
    let batch: DivisionRow[] = [];
    let done = 0;
    const flush = async () => {
      await upsertDivisions(db, batch, now);
      for (const r of batch) known.add(r.code);
      done += batch.length;
      result.upserted += batch.length;
      batch = [];
      options.onProgress?.({ level, done });
    };
    for (const file of files) {
      for await (const row of readDivisionCsv(file, options.prefix)) {
        if (row.level !== level) continue;
        result.read++;
        const parent = parentCodeOf(row.code);
        if (parent && !known.has(parent)) {
          result.orphans.push(row.code);
          continue;
        }
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
    }
    await flush();
  }
  return result;
}

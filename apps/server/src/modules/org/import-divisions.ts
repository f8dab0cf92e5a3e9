import { statSync } from 'node:fs';
import { parentCodeOf, type UnitLevel } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import { recordAudit } from '../audit/service';
import { type DivisionRow, readDivisionCsv } from './divisions';
import * as repo from './repository';

export interface ImportProgress {
  level: UnitLevel;
  /** Rows of the CSV files read so far (each row counts once, in its level's pass). */
  read: number;
  /** Bytes of the CSV files read so far, over every pass. */
  bytesDone: number;
  /** Bytes the whole import reads: an upper bound until the first pass has seen which levels each file holds. */
  bytesTotal: number;
}

export interface ImportResult {
  read: number;
  added: number;
  renamed: number;
  unchanged: number;
  /** Codes skipped because their parent is neither in the database nor in the files. */
  orphans: string[];
}

const BATCH = 2000;
const LEVELS = ['district', 'township', 'village'] as const;
/** Progress is reported at least this often (in lines read), also while a pass skips other levels' rows. */
const REPORT_EVERY = 5000;
/** The audit row names this many orphan codes (their count is always complete). */
const ORPHANS_AUDITED = 100;

/**
 * Loads divisions from NBS-format CSV files, idempotently: one pass per level (districts, then
 * townships, then villages) so every parent exists before its children, in batches so memory
 * stays flat for the whole country; a later pass skips the files the first found without its
 * level. A row whose parent is nowhere to be found is skipped and reported rather than failing
 * the whole import.
 *
 * Each batch commits on its own (the country takes a minute; a rerun after a failure completes
 * it). One summary audit row per run is written at the end, also when the run fails (with the
 * error): actor none (the CLI or the demo seed, named by `source` and the context's request id),
 * the counts, the files and the prefix; its unit is the district when every row lies in one.
 */
export async function importDivisions(
  ctx: Ctx,
  files: string[],
  options: { prefix?: string; source?: string; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportResult> {
  const now = ctx.clock.now();
  const result: ImportResult = { read: 0, added: 0, renamed: 0, unchanged: 0, orphans: [] };
  const districts = new Set<string>();
  try {
    const known = new Set(await repo.allUnitCodes(ctx.db));
    const sizes = new Map(files.map((f) => [f, statSync(f).size]));
    const sum = (fs: string[]) => fs.reduce((n, f) => n + (sizes.get(f) ?? 0), 0);
    const levelsIn = new Map<string, Set<UnitLevel>>();
    let bytesTotal = sum(files) * LEVELS.length;
    let bytesBefore = 0; // of the files finished, over every pass
    for (const level of LEVELS) {
      const passFiles = level === 'district' ? files : files.filter((f) => levelsIn.get(f)?.has(level));
      let batch: DivisionRow[] = [];
      let bytesInFile = 0;
      let sinceReport = 0;
      const report = () => {
        sinceReport = 0;
        options.onProgress?.({ level, read: result.read, bytesDone: bytesBefore + bytesInFile, bytesTotal });
      };
      const flush = async () => {
        const { added, renamed } = await repo.upsertDivisions(ctx.db, batch, now);
        for (const r of batch) known.add(r.code);
        result.added += added;
        result.renamed += renamed;
        result.unchanged += batch.length - added - renamed;
        batch = [];
        report();
      };
      for (const file of passFiles) {
        const seen = levelsIn.get(file) ?? new Set<UnitLevel>();
        levelsIn.set(file, seen);
        bytesInFile = 0;
        const onRead = (bytes: number) => {
          bytesInFile = bytes;
          if (++sinceReport >= REPORT_EVERY) report();
        };
        for await (const row of readDivisionCsv(file, options.prefix, onRead)) {
          seen.add(row.level);
          if (row.level !== level) continue;
          result.read++;
          if (districts.size < 2) districts.add(row.code.slice(0, 6));
          const parent = parentCodeOf(row.code);
          if (parent && !known.has(parent)) {
            result.orphans.push(row.code);
            continue;
          }
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
        bytesBefore += sizes.get(file) ?? 0;
        bytesInFile = 0;
      }
      await flush();
      // Now that every file's levels are known, the total is exact.
      if (level === 'district')
        bytesTotal = sum(files) + sum(files.filter((f) => levelsIn.get(f)?.has('township'))) + sum(files.filter((f) => levelsIn.get(f)?.has('village')));
    }
    // Fresh statistics for the tree's queries: without them, after a national import the planner
    // guesses a unit has ~1,800 children and walks the whole table for one unit's children
    // (785 ms instead of 1 ms on PostgreSQL; PGlite never analyzes by itself).
    if (result.added > 0) await repo.analyzeUnits(ctx.db);
  } catch (err) {
    await auditRun(ctx, files, options, result, districts, err).catch(() => {}); // the import's own error matters more
    throw err;
  }
  await auditRun(ctx, files, options, result, districts, null);
  return result;
}

function auditRun(
  ctx: Ctx,
  files: string[],
  options: { prefix?: string; source?: string },
  result: ImportResult,
  districts: Set<string>,
  err: unknown,
): Promise<void> {
  return recordAudit(ctx, {
    action: 'unit.import',
    entityType: 'unit',
    unitCode: districts.size === 1 ? [...districts][0] : null,
    after: {
      source: options.source ?? null,
      files,
      prefix: options.prefix || null,
      read: result.read,
      added: result.added,
      renamed: result.renamed,
      unchanged: result.unchanged,
      orphans: result.orphans.length,
      orphanCodes: result.orphans.slice(0, ORPHANS_AUDITED),
      ...(err ? { error: err instanceof Error ? err.message : String(err) } : {}),
    },
  });
}

import { type Ctx, inTransaction } from '../../platform/context';
import type { Job } from '../../platform/jobs';
import { type HouseholdChange, onHouseholdChange } from '../households/events';
import { type LinkageChange, onLinkageChange } from '../linkage/events';
import * as repo from './rollup-repository';

// visit_due (tables.ts) is kept in the transaction of every change that moves a due date: a
// visit and a cadence change here (service.ts), and the register's and the links' changes, which
// reach us through their events. Deleted households go with their row (ON DELETE CASCADE), moved
// groups carry their new code into it (ON UPDATE CASCADE).

async function householdChanged(ctx: Ctx, change: HouseholdChange) {
  // Households just created have no link and no visit: nothing is due, no need to compute it.
  if (change.kind === 'create' || change.kind === 'import') await repo.insertNew(ctx.db, change.households);
  else if (change.kind !== 'delete')
    await repo.refreshHouseholds(
      ctx.db,
      change.households.map((h) => h.id),
    );
}

async function linkageChanged(ctx: Ctx, change: LinkageChange) {
  await repo.refreshHouseholds(ctx.db, change.householdIds);
}

/** Subscribes to the register's and the links' changes (idempotent; the app does it when it starts). */
export function installVisitDueHooks(): void {
  onHouseholdChange(householdChanged);
  onLinkageChange(linkageChanged);
}

const RANGE = 20_000;

/**
 * Rebuilds visit_due from its sources: walks household ids in ranges, finds the rows that are
 * missing or differ, and recomputes those (locked, as every change does); then checks the day
 * counters (visit_due_days) against visit_due. Reading is cheap and nothing correct is rewritten,
 * so it can run often; on an empty table it fills it. Returns how many rows and counters it had
 * to correct: 0 unless something wrote around the events (or on first fill).
 */
export async function recountVisitDue(ctx: Ctx): Promise<{ corrected: number; countersCorrected: number }> {
  const range = await repo.idRange(ctx.db);
  let corrected = 0;
  for (let from = range?.min ?? 1; range && from <= range.max; from += RANGE) {
    const ids = await repo.drifted(ctx.db, from, from + RANGE - 1);
    if (ids.length === 0) continue;
    await inTransaction(ctx, (tx) => repo.refreshHouseholds(tx.db, ids));
    corrected += ids.length;
  }
  // The day counters follow visit_due by trigger; check them too (after the rows are right).
  const countersCorrected = await repo.recountDays(ctx.db);
  return { corrected, countersCorrected };
}

/** Hourly: repairs any drift (and fills the table after an upgrade) within the hour. */
export const visitDueRecountJob: Job = {
  name: 'visits.recountDue',
  everyMs: 60 * 60_000,
  run: async (ctx) => {
    await recountVisitDue(ctx);
  },
};

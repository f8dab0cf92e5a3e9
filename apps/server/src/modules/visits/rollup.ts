import { type Ctx, inTransaction } from '../../platform/context';
import { eventHandler } from '../../platform/events/define';
import type { Job } from '../../platform/jobs';
import { type HouseholdChange, householdChanged } from '../households/events';
import { type LinkageChange, linkageChanged } from '../linkage/events';
import * as repo from './rollup-repository';

// visit_due (tables.ts) is kept in the transaction of every change this module makes (a visit, a
// cadence change: service.ts) and, after their commit, from the register's and the links'
// events. Each handler recomputes the rows of the households it was told about from the sources
// as they are now, so a late or repeated event converges. Deleted households go with their row
// (ON DELETE CASCADE), moved groups carry their new code into it (ON UPDATE CASCADE).

export const dueOnHouseholdHandler = eventHandler<HouseholdChange>({
  name: 'visits.dueOnHousehold',
  event: householdChanged,
  async handle(ctx, events) {
    const ids = events.flatMap((e) => (e.payload.kind === 'delete' ? [] : e.payload.households.map((h) => h.id)));
    await repo.refreshHouseholds(ctx.db, [...new Set(ids)]);
  },
});

export const dueOnLinkageHandler = eventHandler<LinkageChange>({
  name: 'visits.dueOnLinkage',
  event: linkageChanged,
  async handle(ctx, events) {
    await repo.refreshHouseholds(ctx.db, [...new Set(events.flatMap((e) => e.payload.householdIds))]);
  },
});

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

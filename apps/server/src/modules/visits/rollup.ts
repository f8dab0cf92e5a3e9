import { type Ctx, inTransaction } from '../../platform/context';
import { eventHandler } from '../../platform/events/define';
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
 * counters (visit_due_days) against visit_due. Nothing correct is rewritten; on an empty table it
 * fills it. Returns how many rows and counters it had to correct: 0 unless something wrote around
 * the services and events (a restore, hand-written SQL) or the rule itself changed.
 *
 * An operator's command (`npm run cli -- recount-visits`), not a job: every change reaches
 * visit_due in its own transaction or through a durable, retried event handler (a failing one
 * shows in the events admin), so there is nothing for a timer to repair. Run it after a restore,
 * after changing the due-date rule (DUE_RULE / dueRuleSql) or the rollup's schema. See docs/visits.md.
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

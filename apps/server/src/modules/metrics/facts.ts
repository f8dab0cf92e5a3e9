import { excluded, type InsertValues, placeholders, prebuilt } from '../../db/prebuilt';
import type { Ctx } from '../../platform/context';
import { eventHandler } from '../../platform/events/define';
import * as matterLookup from '../matters/lookup';
import type { MatterRow } from '../matters/lookup';
import { matterFacts } from './tables';

const FACT_KEYS = [
  'matterId',
  'unitCode',
  'state',
  'createdAt',
  'respondBy',
  'respondedAt',
  'resolveBy',
  'resolvedAt',
  'answeredAt',
  'ratedAt',
  'satisfaction',
  'closedAt',
  'settledLevel',
  'reopenCount',
  'leadDepartmentId',
] as const;
type FactsRow = InsertValues<typeof matterFacts, typeof FACT_KEYS>;
// Runs on every change of every matter: built once (db/prebuilt.ts).
const upsertFacts = prebuilt<unknown, FactsRow>((db) =>
  db
    .insert(matterFacts)
    .values(placeholders(FACT_KEYS))
    .onConflictDoUpdate({ target: matterFacts.matterId, set: excluded(matterFacts, FACT_KEYS) }),
);

/** Copies what the rates need from the matter as it stands now. */
export async function recordFacts(ctx: Ctx, m: MatterRow, action: string): Promise<void> {
  // A new matter has no dispatches yet: spare every report that read.
  const dispatches = action === 'report' ? [] : await matterLookup.listDispatches(ctx, m.id);
  const lead = dispatches.filter((d) => d.dispatch.role === 'lead').at(-1)?.dispatch;
  const row: FactsRow = {
    matterId: m.id,
    unitCode: m.unitCode,
    state: m.state,
    createdAt: m.createdAt,
    respondBy: m.respondBy,
    // Settled on the spot before anyone accepted it: the result was the response.
    respondedAt: m.respondedAt ?? m.resolvedAt,
    resolveBy: m.resolveBy,
    resolvedAt: m.resolvedAt,
    answeredAt: m.answeredAt,
    ratedAt: m.ratedAt,
    satisfaction: m.ratingSatisfaction,
    closedAt: m.closedAt,
    settledLevel: m.settledLevel,
    reopenCount: m.reopenCount,
    leadDepartmentId: lead?.departmentId ?? null,
  };
  await upsertFacts(ctx.db, row);
}

/**
 * After every transition: the facts of each matter the batch touched, from its current row, so
 * events of one matter handled in any order (several instances) leave the right facts.
 */
export const factsHandler = eventHandler<matterLookup.MatterChanged>({
  name: 'metrics.facts',
  event: matterLookup.matterChanged,
  async handle(ctx, events) {
    const reportOnly = new Map<number, boolean>();
    for (const e of events) reportOnly.set(e.payload.matterId, (reportOnly.get(e.payload.matterId) ?? true) && e.payload.action === 'report');
    for (const m of await matterLookup.findMatters(ctx, [...reportOnly.keys()])) await recordFacts(ctx, m, reportOnly.get(m.id) ? 'report' : 'change');
  },
});

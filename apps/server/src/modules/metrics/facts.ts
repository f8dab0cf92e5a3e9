import { excluded, type InsertValues, placeholders, prebuilt } from '../../db/prebuilt';
import type { Ctx } from '../../platform/context';
import type { MatterEvent } from '../matters/events';
import * as matterLookup from '../matters/lookup';
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

/** Copies what the rates need from the matter as it stands after the event (same transaction). */
export async function recordFacts(ctx: Ctx, e: Pick<MatterEvent, 'action' | 'matter'>): Promise<void> {
  const m = e.matter;
  // A new matter has no dispatches yet: spare every report that read.
  const dispatches = e.action === 'report' ? [] : await matterLookup.listDispatches(ctx, m.id);
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
  await upsertFacts.defer(ctx, row, `matter_facts:${m.id}`);
}

import { excluded, type InsertValues } from '../../db/prebuilt';
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
/** The facts of many matters in one statement (the handler's batch). */
async function recordManyFacts(ctx: Ctx, rows: FactsRow[]): Promise<void> {
  if (rows.length === 0) return;
  await ctx.db
    .insert(matterFacts)
    .values(rows)
    .onConflictDoUpdate({ target: matterFacts.matterId, set: excluded(matterFacts, FACT_KEYS) });
}

async function factsOf(ctx: Ctx, m: MatterRow, action: string): Promise<FactsRow> {
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
  return row;
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
    const rows: FactsRow[] = [];
    for (const m of await matterLookup.findMatters(ctx, [...reportOnly.keys()])) rows.push(await factsOf(ctx, m, reportOnly.get(m.id) ? 'report' : 'change'));
    await recordManyFacts(ctx, rows);
  },
});

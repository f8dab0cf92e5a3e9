import type { Tier } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import { defineEvent } from '../../platform/events/define';
import { publish } from '../../platform/events/publish';

/**
 * What the register tells other modules after households were created, edited (moved), had their
 * tier changed, were deleted or imported: e.g. visits keeps each household's next due date from it.
 */
export interface HouseholdChange {
  kind: 'create' | 'update' | 'tier' | 'delete' | 'import';
  /** The households as the change left them (as they were, for a delete). */
  households: { id: number; unitCode: string; tier: Tier }[];
}

export const householdChanged = defineEvent<HouseholdChange>('household.changed');

/** Publishes the change in the caller's transaction (nothing for an empty change). */
export async function emitHouseholdChange(ctx: Ctx, change: HouseholdChange): Promise<void> {
  if (change.households.length === 0) return;
  await publish(ctx, householdChanged, {
    kind: change.kind,
    households: change.households.map((h) => ({ id: h.id, unitCode: h.unitCode, tier: h.tier })),
  });
}

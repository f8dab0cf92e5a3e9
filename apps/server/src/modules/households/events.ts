import type { Tier } from '@jiceng/shared';
import { eventChannel, type Listener } from '../../platform/events';

/**
 * What the register tells other modules after households were created, edited (moved), had their
 * tier changed, were deleted or imported: e.g. visits keeps each household's next due date from it.
 */
export interface HouseholdChange {
  kind: 'create' | 'update' | 'tier' | 'delete' | 'import';
  /** The households as the change left them (as they were, for a delete). */
  households: { id: number; unitCode: string; tier: Tier }[];
}

export type HouseholdChangeListener = Listener<HouseholdChange>;

const channel = eventChannel<HouseholdChange>((c) => c.households.length === 0);

/** Plugs in behaviour on every change (once per listener). Returns an unsubscribe function. */
export const onHouseholdChange = channel.on;
export const emitHouseholdChange = channel.emit;

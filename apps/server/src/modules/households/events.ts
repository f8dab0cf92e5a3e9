import type { Tier } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';

/**
 * What the register tells other modules after households were created, edited (moved), had their
 * tier changed, were deleted or imported: e.g. visits keeps each household's next due date from it.
 */
export interface HouseholdChange {
  kind: 'create' | 'update' | 'tier' | 'delete' | 'import';
  /** The households as the change left them (as they were, for a delete). */
  households: { id: number; unitCode: string; tier: Tier }[];
}

/** Runs inside the change's transaction (ctx.db is the transaction): throw to roll it back. */
export type HouseholdChangeListener = (ctx: Ctx, change: HouseholdChange) => Promise<void>;

const listeners: HouseholdChangeListener[] = [];

/** Plugs in behaviour on every register change (once per listener). Returns an unsubscribe function. */
export function onHouseholdChange(listener: HouseholdChangeListener): () => void {
  if (!listeners.includes(listener)) listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export async function emitHouseholdChange(ctx: Ctx, change: HouseholdChange): Promise<void> {
  if (change.households.length === 0) return;
  for (const l of listeners) await l(ctx, change);
}

import type { Ctx } from '../../platform/context';
import { defineEvent } from '../../platform/events/define';
import { publish } from '../../platform/events/publish';

/** Households whose representative (or link date) changed, or that were unlinked. */
export interface LinkageChange {
  householdIds: number[];
}

export const linkageChanged = defineEvent<LinkageChange>('linkage.changed');

/** Publishes the change in the caller's transaction (nothing for an empty change). */
export async function emitLinkageChange(ctx: Ctx, change: LinkageChange): Promise<void> {
  if (change.householdIds.length === 0) return;
  await publish(ctx, linkageChanged, { householdIds: change.householdIds });
}

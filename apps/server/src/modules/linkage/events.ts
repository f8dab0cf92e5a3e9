import type { Ctx } from '../../platform/context';

/** Households whose representative (or link date) changed, or that were unlinked. */
export interface LinkageChange {
  householdIds: number[];
}

/** Runs inside the change's transaction (ctx.db is the transaction): throw to roll it back. */
export type LinkageChangeListener = (ctx: Ctx, change: LinkageChange) => Promise<void>;

const listeners: LinkageChangeListener[] = [];

/** Plugs in behaviour on every link change (once per listener). Returns an unsubscribe function. */
export function onLinkageChange(listener: LinkageChangeListener): () => void {
  if (!listeners.includes(listener)) listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export async function emitLinkageChange(ctx: Ctx, change: LinkageChange): Promise<void> {
  if (change.householdIds.length === 0) return;
  for (const l of listeners) await l(ctx, change);
}

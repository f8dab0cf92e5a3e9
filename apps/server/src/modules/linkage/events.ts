import { eventChannel, type Listener } from '../../platform/events';

/** Households whose representative (or link date) changed, or that were unlinked. */
export interface LinkageChange {
  householdIds: number[];
}

export type LinkageChangeListener = Listener<LinkageChange>;

const channel = eventChannel<LinkageChange>((c) => c.householdIds.length === 0);

/** Plugs in behaviour on every change (once per listener). Returns an unsubscribe function. */
export const onLinkageChange = channel.on;
export const emitLinkageChange = channel.emit;

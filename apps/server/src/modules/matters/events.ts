import type { MatterState } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import type { MatterRow } from './repository';

/** What every transition tells its listeners (the webhook outbox, metrics …). */
export interface MatterEvent {
  eventId: number;
  matterId: number;
  trackingCode: string;
  action: string;
  fromState: MatterState | null;
  toState: MatterState;
  unitCode: string;
  responsibleUnitCode: string;
  categoryCode: string;
  urgency: string;
  at: Date;
  actorUserId: number | null;
  data: Record<string, unknown> | null;
  /** The matter as this transition left it (saves listeners a round trip to read it again). */
  matter: MatterRow;
}

/** Runs inside the transition's transaction (ctx.db is the transaction): throw to roll it back. */
export type MatterEventListener = (ctx: Ctx, event: MatterEvent) => Promise<void>;

const listeners: MatterEventListener[] = [];

/** Plug in behaviour on every matter event without editing the matters service. Returns an unsubscribe function. */
export function onMatterEvent(listener: MatterEventListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export async function emitMatterEvent(ctx: Ctx, event: MatterEvent): Promise<void> {
  for (const l of listeners) await l(ctx, event);
}

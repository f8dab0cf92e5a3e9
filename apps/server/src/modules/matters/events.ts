import type { MatterState } from '@jiceng/shared';
import { eventChannel, type Listener } from '../../platform/events';
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

export type MatterEventListener = Listener<MatterEvent>;

const channel = eventChannel<MatterEvent>();

/** Plugs in behaviour on every change (once per listener). Returns an unsubscribe function. */
export const onMatterEvent = channel.on;
export const emitMatterEvent = channel.emit;

import type { MatterState, Urgency } from '@jiceng/shared';
import { defineEvent } from '../../platform/events/define';
import type { MatterRow } from './repository';

/**
 * A matter's routing as one transition left it: enough to decide who is told and which chats
 * hear of it. No text and no personal data: a handler that needs the description reads it
 * through matters/lookup.ts.
 */
export interface MatterSnapshot {
  id: number;
  unitCode: string;
  responsibleUnitCode: string;
  transferToUnitCode: string | null;
  categoryCode: string;
  urgency: Urgency;
  state: MatterState;
  /** ISO time. */
  stageDeadline: string;
  reporterUserId: number | null;
}

/** Published by every transition, the report included, in the transition's transaction. */
export interface MatterChanged {
  matterId: number;
  /** The matter_events row of the transition. */
  eventId: number;
  action: string;
  fromState: MatterState | null;
  toState: MatterState;
  actorUserId: number | null;
  data: Record<string, unknown> | null;
  /** Extra people to tell (the dispatched department, the previous responsible unit). */
  notifyAlso: number[];
  matter: MatterSnapshot;
}

export const matterChanged = defineEvent<MatterChanged>('matter.changed');

export function snapshotOf(m: MatterRow): MatterSnapshot {
  return {
    id: m.id,
    unitCode: m.unitCode,
    responsibleUnitCode: m.responsibleUnitCode,
    transferToUnitCode: m.transferToUnitCode,
    categoryCode: m.categoryCode,
    urgency: m.urgency,
    state: m.state,
    stageDeadline: m.stageDeadline.toISOString(),
    reporterUserId: m.reporterUserId,
  };
}

/** Compatibility view for indexers written against the old in-transaction listener. */
export interface MatterEvent {
  matterId: number;
  action: string;
  toState: MatterState;
  unitCode: string;
  data: Record<string, unknown> | null;
  matter: MatterRow;
}

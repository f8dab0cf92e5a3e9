import type { MatterState } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { emitMatterEvent } from './events';
import { notifyTransition } from './notify';
import type { MatterInsert, MatterRow } from './repository';
import * as repo from './repository';

export interface TransitionWrite {
  action: string;
  to: MatterState;
  patch: Partial<MatterInsert>;
  actorKind: 'user' | 'resident' | 'system' | 'api';
  actorUnitCode: string | null;
  note?: string | null;
  publicNote?: string | null;
  data?: Record<string, unknown> | null;
  /** Extra people to tell (e.g. the department that was dispatched, the previous responsible unit). */
  notifyAlso?: number[];
}

/**
 * The one way a matter changes: a version-checked update, its event row, the audit row, the
 * notifications and the listeners (webhook outbox …), all on the caller's transaction.
 * Throws CONFLICT when someone else moved the matter first.
 */
export async function writeTransition(tx: Ctx, m: MatterRow, w: TransitionWrite): Promise<MatterRow> {
  const now = tx.clock.now();
  const updated = await repo.updateIfVersion(tx.db, m.id, m.version, { ...w.patch, state: w.to, updatedAt: now });
  if (!updated) throw new AppError('CONFLICT', {}, { field: 'version' });
  const eventId = await repo.insertEvent(tx.db, {
    matterId: m.id,
    fromState: m.state,
    toState: w.to,
    action: w.action,
    actorUserId: tx.actor?.userId ?? null,
    actorUnitCode: w.actorUnitCode,
    actorKind: w.actorKind,
    note: w.note ?? null,
    publicNote: w.publicNote ?? null,
    at: now,
    data: w.data ?? null,
  });
  await recordAudit(tx, {
    action: `matter.${w.action}`,
    entityType: 'matter',
    entityId: m.id,
    unitCode: updated.unitCode,
    before: { state: m.state, version: m.version, responsibleUnitCode: m.responsibleUnitCode },
    after: { state: w.to, version: updated.version, responsibleUnitCode: updated.responsibleUnitCode, ...(w.data ?? {}) },
  });
  await notifyTransition(tx, updated, w.action, eventId, w.notifyAlso);
  await emitMatterEvent(tx, eventPayload(updated, eventId, w.action, m.state, now, tx.actor?.userId ?? null, w.data ?? null));
  return updated;
}

export function eventPayload(
  m: MatterRow,
  eventId: number,
  action: string,
  fromState: MatterState | null,
  at: Date,
  actorUserId: number | null,
  data: Record<string, unknown> | null,
) {
  return {
    eventId,
    matterId: m.id,
    trackingCode: m.trackingCode,
    action,
    fromState,
    toState: m.state,
    unitCode: m.unitCode,
    responsibleUnitCode: m.responsibleUnitCode,
    categoryCode: m.categoryCode,
    urgency: m.urgency,
    at,
    actorUserId,
    data,
    matter: m,
  };
}

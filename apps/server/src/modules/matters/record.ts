import type { MatterState } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { publish } from '../../platform/events/publish';
import { recordAudit } from '../audit/service';
import { matterChanged, snapshotOf } from './events';
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
 * The one way a matter changes: a version-checked update, its event row and the audit row on the
 * caller's transaction, and the `matter.changed` domain event that the inbox, the chats, the
 * metrics and the similar index react to after the commit. Throws CONFLICT when someone else
 * moved the matter first.
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
  await publish(tx, matterChanged, {
    matterId: m.id,
    eventId,
    action: w.action,
    fromState: m.state,
    toState: w.to,
    actorUserId: tx.actor?.userId ?? null,
    data: w.data ?? null,
    notifyAlso: w.notifyAlso ?? [],
    matter: snapshotOf(updated),
  });
  return updated;
}

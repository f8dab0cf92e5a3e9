import { type Ctx, inTransaction, requirePermission } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { lagStats } from '../../platform/events/lag';
import * as events from '../../platform/events/repository';
import { recordAudit } from '../audit/service';

export async function eventStatus(ctx: Ctx) {
  requirePermission(ctx, 'system:events');
  const pending = await events.pendingByHandler(ctx.db);
  const failing = await events.failing(ctx.db, 200);
  return {
    pending: pending.map((p) => ({ handler: p.handler, pending: Number(p.pending), oldestEventId: p.oldestEventId === null ? null : Number(p.oldestEventId) })),
    failing: failing.map((f) => ({ ...f, at: new Date(f.at), nextAttemptAt: new Date(f.nextAttemptAt) })),
    lagMs: lagStats(),
  };
}

export async function retryDelivery(ctx: Ctx, deliveryId: number) {
  requirePermission(ctx, 'system:events');
  return inTransaction(ctx, async (tx) => {
    if (!(await events.retryNow(tx.db, deliveryId))) throw new AppError('NOT_FOUND', { what: `delivery ${deliveryId}` });
    await recordAudit(tx, { action: 'system.eventRetry', entityType: 'eventDelivery', entityId: deliveryId });
    return { ok: true as const };
  });
}

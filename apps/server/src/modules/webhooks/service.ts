import { isWithin, levelOfCode } from '@jiceng/shared';
import { and, desc, eq, inArray, like, lt, type SQL } from 'drizzle-orm';
import { type Ctx, inTransaction, requirePermission, requireScope, scopeOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { getUnit } from '../org/service';
import { escapeLike } from '../../db/like';
import { presentEndpoint, presentOutbox } from './presenter';
import { type OutboxStatus, outbox, webhookEndpoints } from './tables';
import { checkUrl } from './url-guard';

async function checkUnit(ctx: Ctx, unitCode: string): Promise<void> {
  const level = levelOfCode(unitCode);
  if (level && level !== 'village' && level !== 'zone' && level !== 'group') throw new AppError('WEBHOOK_UNIT_LEVEL', {}, { field: 'unitCode' });
  requireScope(ctx, unitCode);
  // 404 for a well-formed code that does not exist, 400 for a malformed one (org's own errors).
  await getUnit(ctx, unitCode).catch((err: AppError) => {
    throw err.code === 'UNIT_NOT_FOUND' || err.code === 'UNIT_CODE_INVALID' ? new AppError(err.code, err.params, { field: 'unitCode' }) : err;
  });
}

async function loadEndpoint(ctx: Ctx, id: number) {
  const [row] = await ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  // Outside the actor's subtree looks the same as missing: no probing for other villages' robots.
  if (!row || !isWithin(row.unitCode, ctx.actor?.unitCode ?? null)) throw new AppError('WEBHOOK_NOT_FOUND', { id });
  return row;
}

export async function listEndpoints(ctx: Ctx, unitCode?: string) {
  requirePermission(ctx, 'webhook:write');
  const scope = scopeOf(ctx);
  if (unitCode) requireScope(ctx, unitCode);
  const prefix = unitCode ?? scope;
  const rows = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(prefix ? like(webhookEndpoints.unitCode, `${escapeLike(prefix)}%`) : undefined)
    .orderBy(webhookEndpoints.unitCode, webhookEndpoints.id);
  return rows.map(presentEndpoint);
}

export async function createEndpoint(ctx: Ctx, input: { unitCode: string; name: string; url: string; enabled?: boolean }) {
  const actor = requirePermission(ctx, 'webhook:write');
  checkUrl(input.url);
  await checkUnit(ctx, input.unitCode);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(webhookEndpoints)
      .values({
        unitCode: input.unitCode,
        name: input.name,
        url: input.url,
        enabled: input.enabled ?? true,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    const out = presentEndpoint(row);
    await recordAudit(tx, { action: 'webhook.create', entityType: 'webhook', entityId: row.id, unitCode: row.unitCode, after: out });
    return out;
  });
}

export async function updateEndpoint(ctx: Ctx, id: number, patch: { name?: string; url?: string; enabled?: boolean }) {
  requirePermission(ctx, 'webhook:write');
  if (patch.url !== undefined) checkUrl(patch.url);
  return inTransaction(ctx, async (tx) => {
    const before = await loadEndpoint(tx, id);
    const [row] = await tx.db
      .update(webhookEndpoints)
      .set({ ...patch, updatedAt: tx.clock.now() })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    if (!row) throw new AppError('WEBHOOK_NOT_FOUND', { id });
    const out = presentEndpoint(row);
    await recordAudit(tx, {
      action: 'webhook.update',
      entityType: 'webhook',
      entityId: id,
      unitCode: row.unitCode,
      before: presentEndpoint(before),
      after: out,
    });
    return out;
  });
}

export async function deleteEndpoint(ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, 'webhook:write');
  await inTransaction(ctx, async (tx) => {
    const before = await loadEndpoint(tx, id);
    // Its undelivered messages go with it (FK cascade): nobody can receive them any more.
    await tx.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await recordAudit(tx, { action: 'webhook.delete', entityType: 'webhook', entityId: id, unitCode: before.unitCode, before: presentEndpoint(before) });
  });
}

export async function listOutbox(ctx: Ctx, q: { status?: OutboxStatus[]; unitCode?: string; before?: number; limit: number }) {
  requirePermission(ctx, 'outbox:read');
  if (q.unitCode) requireScope(ctx, q.unitCode);
  const prefix = q.unitCode ?? scopeOf(ctx);
  const where: SQL[] = [];
  if (prefix) where.push(like(outbox.unitCode, `${escapeLike(prefix)}%`));
  if (q.status?.length) where.push(inArray(outbox.status, q.status));
  if (q.before) where.push(lt(outbox.id, q.before));
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(presentOutbox);
  return { items, nextBefore: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Puts a failed or dead message back in line now, with a fresh set of attempts. */
export async function retryOutbox(ctx: Ctx, id: number) {
  requirePermission(ctx, 'outbox:read');
  // Retrying sends into a chat again: it needs the right to configure robots as well.
  requirePermission(ctx, 'webhook:write');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(outbox).where(eq(outbox.id, id)).for('update');
    if (!row || !isWithin(row.unitCode, ctx.actor?.unitCode ?? null)) throw new AppError('OUTBOX_NOT_FOUND', { id });
    if (row.status !== 'failed' && row.status !== 'dead') throw new AppError('OUTBOX_NOT_RETRYABLE', { status: row.status });
    const [after] = await tx.db.update(outbox).set({ status: 'pending', attempts: 0, nextAttemptAt: tx.clock.now() }).where(eq(outbox.id, id)).returning();
    if (!after) throw new AppError('OUTBOX_NOT_FOUND', { id });
    await recordAudit(tx, {
      action: 'outbox.retry',
      entityType: 'outbox',
      entityId: id,
      unitCode: row.unitCode,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
    });
    return presentOutbox(after);
  });
}

import { isWithin, levelOfCode } from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission, requireScope, scopeOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { getUnit } from '../org/service';
import { presentEndpoint, presentOutbox } from './presenter';
import {
  deleteEndpointRow,
  findEndpoint,
  findOutboxForUpdate,
  insertEndpoint,
  listEndpointRows,
  listOutboxRows,
  requeueOutbox,
  updateEndpointRow,
} from './repository';
import type { OutboxStatus } from './tables';
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
  const row = await findEndpoint(ctx.db, id);
  // Outside the actor's subtree looks the same as missing: no probing for other villages' robots.
  if (!row || !isWithin(row.unitCode, ctx.actor?.unitCode ?? null)) throw new AppError('WEBHOOK_NOT_FOUND', { id });
  return row;
}

export async function listEndpoints(ctx: Ctx, unitCode?: string) {
  requirePermission(ctx, 'webhook:write');
  const scope = scopeOf(ctx);
  if (unitCode) requireScope(ctx, unitCode);
  const prefix = unitCode ?? scope;
  const rows = await listEndpointRows(ctx.db, prefix);
  return rows.map(presentEndpoint);
}

export async function createEndpoint(ctx: Ctx, input: { unitCode: string; name: string; url: string; enabled?: boolean }) {
  const actor = requirePermission(ctx, 'webhook:write');
  checkUrl(input.url);
  await checkUnit(ctx, input.unitCode);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const row = await insertEndpoint(tx.db, {
      unitCode: input.unitCode,
      name: input.name,
      url: input.url,
      enabled: input.enabled ?? true,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
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
    const row = await updateEndpointRow(tx.db, id, { ...patch, updatedAt: tx.clock.now() });
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
    await deleteEndpointRow(tx.db, id);
    await recordAudit(tx, { action: 'webhook.delete', entityType: 'webhook', entityId: id, unitCode: before.unitCode, before: presentEndpoint(before) });
  });
}

export async function listOutbox(ctx: Ctx, q: { status?: OutboxStatus[]; unitCode?: string; before?: number; limit: number }) {
  requirePermission(ctx, 'outbox:read');
  if (q.unitCode) requireScope(ctx, q.unitCode);
  const prefix = q.unitCode ?? scopeOf(ctx);
  const rows = await listOutboxRows(ctx.db, { prefix, status: q.status, before: q.before, limit: q.limit + 1 });
  const items = rows.slice(0, q.limit).map(presentOutbox);
  return { items, nextBefore: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Puts a failed or dead message back in line now, with a fresh set of attempts. */
export async function retryOutbox(ctx: Ctx, id: number) {
  requirePermission(ctx, 'outbox:read');
  // Retrying sends into a chat again: it needs the right to configure robots as well.
  requirePermission(ctx, 'webhook:write');
  return inTransaction(ctx, async (tx) => {
    const row = await findOutboxForUpdate(tx.db, id);
    if (!row || !isWithin(row.unitCode, ctx.actor?.unitCode ?? null)) throw new AppError('OUTBOX_NOT_FOUND', { id });
    if (row.status !== 'failed' && row.status !== 'dead') throw new AppError('OUTBOX_NOT_RETRYABLE', { status: row.status });
    const after = await requeueOutbox(tx.db, id, tx.clock.now());
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

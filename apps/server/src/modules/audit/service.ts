import { and, desc, eq, gte, like, lt, lte, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { requirePermission, scopeOf } from '../../platform/context';
import { type AuditRow, insertAudit } from './repository';
import { auditEvents } from './tables';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  unitCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The row recordAudit writes for `entry` (the intake puts it into its own statement). */
export function auditRowOf(ctx: Ctx, entry: AuditEntry): AuditRow {
  return {
    at: ctx.clock.now(),
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    unitCode: entry.unitCode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}

/**
 * Writes one audit row on the caller's connection, so it commits or rolls back with the change:
 * the audit trail is part of the change, never a reaction to it.
 */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await insertAudit(ctx.db, auditRowOf(ctx, entry));
}

export interface AuditQuery {
  unitCode?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorName?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

/** Newest first, keyset-paged by id; limited to the viewer's subtree (system events only for admins). */
export async function listAudit(ctx: Ctx, q: AuditQuery) {
  requirePermission(ctx, 'audit:read');
  const scope = scopeOf(ctx);
  const where: SQL[] = [];
  const prefix = q.unitCode?.startsWith(scope) ? q.unitCode : scope;
  if (prefix) where.push(like(auditEvents.unitCode, `${prefix}%`));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.actorName) where.push(eq(auditEvents.actorName, q.actorName));
  if (q.from) where.push(gte(auditEvents.at, q.from));
  if (q.to) where.push(lte(auditEvents.at, q.to));
  if (q.before) where.push(lt(auditEvents.id, q.before));
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  return { items, nextBefore: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}
export { type AuditRow, auditInsertSelect } from './repository';

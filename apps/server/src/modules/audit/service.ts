import type { Ctx } from '../../platform/context';
import { requirePermission, scopeOf } from '../../platform/context';
import { type AuditFilter, type AuditRow, findAudit, insertAudit } from './repository';

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

/** The audit log's filters: the unit is narrowed to the viewer's subtree. */
export type AuditQuery = Omit<AuditFilter, 'unitPrefix'> & { unitCode?: string };

/** Newest first, keyset-paged by id; limited to the viewer's subtree (system events only for admins). */
export async function listAudit(ctx: Ctx, q: AuditQuery) {
  requirePermission(ctx, 'audit:read');
  const scope = scopeOf(ctx);
  const prefix = q.unitCode?.startsWith(scope) ? q.unitCode : scope;
  const rows = await findAudit(ctx.db, { ...q, unitPrefix: prefix });
  const items = rows.slice(0, q.limit);
  return { items, nextBefore: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}
export { type AuditRow, auditInsertSelect } from './repository';

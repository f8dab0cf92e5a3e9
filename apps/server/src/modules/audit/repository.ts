import { and, desc, eq, gte, like, lt, lte, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../db/like';
import type { Executor } from '../../db/client';
import { auditEvents } from './tables';

export type AuditRow = Omit<typeof auditEvents.$inferInsert, 'id'>;

export async function insertAudit(db: Executor, row: AuditRow): Promise<void> {
  await db.insert(auditEvents).values(row);
}

/**
 * The audit row as `insert … select` for a statement that makes the change itself (the intake):
 * `entityId` may name a column of that statement's CTE (`m.id::text`), `from` its FROM clause.
 */
export function auditInsertSelect(row: AuditRow, entityId: SQL, from: SQL): SQL {
  return sql`insert into ${auditEvents} (at, actor_user_id, actor_name, action, entity_type, entity_id, unit_code, before, after, ip, request_id)
    select ${row.at}::timestamptz, ${row.actorUserId ?? null}::integer, ${row.actorName ?? null}::text, ${row.action}, ${row.entityType}, ${entityId},
      ${row.unitCode ?? null}::text, ${json(row.before)}::jsonb, ${json(row.after)}::jsonb, ${row.ip ?? null}::text, ${row.requestId ?? null}::text ${from}`;
}

const json = (v: unknown) => (v == null ? null : JSON.stringify(v));

export interface AuditFilter {
  unitPrefix?: string | null;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorName?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

/** Newest first, one more than `limit` (the caller pages on it). */
export function findAudit(db: Executor, q: AuditFilter) {
  const where: SQL[] = [];
  if (q.unitPrefix) where.push(like(auditEvents.unitCode, `${escapeLike(q.unitPrefix)}%`));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.actorName) where.push(eq(auditEvents.actorName, q.actorName));
  if (q.from) where.push(gte(auditEvents.at, q.from));
  if (q.to) where.push(lte(auditEvents.at, q.to));
  if (q.before) where.push(lt(auditEvents.id, q.before));
  return db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(q.limit + 1);
}

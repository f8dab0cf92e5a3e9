import { type SQL, sql } from 'drizzle-orm';
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

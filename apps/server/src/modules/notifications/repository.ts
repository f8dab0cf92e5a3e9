import { and, count, desc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { buildStatement, runBuiltStatement } from '../../db/prebuilt';
import { userIdsAtPairs } from '../accounts/service';
import { notifications } from './tables';

export type NotificationRow = typeof notifications.$inferSelect;
export type MessageColumns = Omit<typeof notifications.$inferInsert, 'id' | 'userId' | 'createdAt' | 'readAt'>;

/** One message per user; a dedup key already in a user's inbox is skipped. Answers how many were new. */
export async function insertMessages(db: Executor, userIds: number[], message: MessageColumns, now: Date): Promise<number> {
  const rows = await db
    .insert(notifications)
    .values(userIds.map((userId) => ({ userId, ...message, createdAt: now })))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

/** A message for the holders of roles at units (parallel arrays), but `exceptUserId`. */
export interface MessageAt {
  message: MessageColumns;
  unitCodes: string[];
  roles: string[];
  exceptUserId: number | null;
}

// Built once: every message of a batch with its recipients (accounts' userIdsAtPairs) in one
// INSERT … SELECT; the batch travels as one JSON parameter, so the text never changes.
const NOTIFY_MANY_AT = buildStatement<{ batch: string; createdAt: string }>(
  (_db) => sql`
    insert into ${notifications} (user_id, kind, title, title_en, body, body_en, link, entity_type, entity_id, unit_code, params, dedup_key, created_at)
    select r.id, m.kind, m.title, m.title_en, m.body, m.body_en, m.link, m.entity_type, m.entity_id, m.unit_code, m.params, m.dedup_key, ${sql.placeholder('createdAt')}::timestamptz
    from jsonb_to_recordset(${sql.placeholder('batch')}::jsonb) as m(
      ord integer, kind text, title text, title_en text, body text, body_en text, link text, entity_type text, entity_id text,
      unit_code text, params jsonb, dedup_key text, unit_codes text[], roles text[], except_user_id integer)
    cross join lateral (${userIdsAtPairs(sql`m.unit_codes`, sql`m.roles`)}) r
    where r.id is distinct from m.except_user_id
    order by m.ord, r.id
    on conflict do nothing`,
);

/** Many messages, each for its own units' role holders, in one statement (in the batch's order). */
export async function insertMessagesAt(db: Executor, batch: readonly MessageAt[], now: Date): Promise<void> {
  if (batch.length === 0) return;
  const rows = batch.map((b, ord) => ({
    ord,
    kind: b.message.kind,
    title: b.message.title,
    title_en: b.message.titleEn ?? null,
    body: b.message.body ?? null,
    body_en: b.message.bodyEn ?? null,
    link: b.message.link ?? null,
    entity_type: b.message.entityType ?? null,
    entity_id: b.message.entityId ?? null,
    unit_code: b.message.unitCode ?? null,
    params: b.message.params ?? null,
    dedup_key: b.message.dedupKey ?? null,
    unit_codes: b.unitCodes,
    roles: b.roles,
    except_user_id: b.exceptUserId,
  }));
  const params = NOTIFY_MANY_AT.params({ batch: JSON.stringify(rows), createdAt: now.toISOString() });
  await runBuiltStatement({ db }, { sql: NOTIFY_MANY_AT.sql, params });
}

/** A user's messages, newest first, one more than `limit` (the caller pages on it). */
export function findInbox(db: Executor, userId: number, q: { unreadOnly?: boolean; before?: number; limit: number }) {
  const where: SQL[] = [eq(notifications.userId, userId)];
  if (q.unreadOnly) where.push(isNull(notifications.readAt));
  if (q.before) where.push(lt(notifications.id, q.before));
  return db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.id))
    .limit(q.limit + 1);
}

export async function countUnread(db: Executor, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the user's unread messages read: all of them, or those of `ids`. */
export async function markMessagesRead(db: Executor, userId: number, ids: number[] | 'all', now: Date): Promise<void> {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(ids === 'all' ? mine : and(mine, inArray(notifications.id, ids)));
}

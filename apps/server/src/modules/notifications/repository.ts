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

const ph = (name: string) => sql.placeholder(name);
// Built once: the message and its recipients (accounts' userIdsAtPairs) in one INSERT … SELECT.
const NOTIFY_AT = buildStatement(
  (_db) => sql`
    insert into ${notifications} (user_id, kind, title, title_en, body, body_en, link, entity_type, entity_id, unit_code, params, dedup_key, created_at)
    select r.id, ${ph('kind')}, ${ph('title')}, ${ph('titleEn')}, ${ph('body')}, ${ph('bodyEn')}, ${ph('link')},
      ${ph('entityType')}, ${ph('entityId')}, ${ph('unitCode')}, ${ph('params')}::jsonb, ${ph('dedupKey')}, ${ph('createdAt')}::timestamptz
    from (${userIdsAtPairs(ph('unitCodes'), ph('roles'))}) r
    where r.id is distinct from ${ph('exceptUserId')}::integer
    on conflict do nothing`,
);

/** The message for the holders of roles at units (unit codes and roles as parallel text arrays), but `exceptUserId`. */
export async function insertMessagesAt(
  db: Executor,
  recipients: { unitCodes: string; roles: string },
  message: MessageColumns,
  now: Date,
  exceptUserId: number | null,
): Promise<void> {
  const params = NOTIFY_AT.params({
    ...message,
    params: message.params ? JSON.stringify(message.params) : null,
    createdAt: now.toISOString(),
    unitCodes: recipients.unitCodes,
    roles: recipients.roles,
    exceptUserId,
  });
  await runBuiltStatement({ db }, { sql: NOTIFY_AT.sql, params });
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

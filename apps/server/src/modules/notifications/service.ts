import { and, count, desc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { buildStatement, deferStatement } from '../../db/prebuilt';
import { userIdsAtPairs } from '../accounts/service';
import { type Ctx, requireActor } from '../../platform/context';
import { notifications } from './tables';

export interface NotifyInput {
  userIds: number[];
  kind: string;
  title: string;
  titleEn?: string;
  body?: string;
  bodyEn?: string;
  /** A path in the web app, e.g. /households/12. */
  link?: string;
  entityType?: string;
  entityId?: string | number;
  unitCode?: string;
  params?: Record<string, unknown>;
  /** Same key for the same user: notified once, however often a sweep runs. */
  dedupKey?: string;
}

type Message = Omit<NotifyInput, 'userIds'>;

/** A message's columns (without the recipient), absent ones as null. */
function messageColumns(input: Message) {
  return {
    kind: input.kind,
    title: input.title,
    titleEn: input.titleEn ?? null,
    body: input.body ?? null,
    bodyEn: input.bodyEn ?? null,
    link: input.link ?? null,
    entityType: input.entityType ?? null,
    entityId: input.entityId == null ? null : String(input.entityId),
    unitCode: input.unitCode ?? null,
    params: input.params ?? null,
    dedupKey: input.dedupKey ?? null,
  };
}

/** Puts a message in each user's inbox, on the caller's connection (so inside its transaction). */
export async function notify(ctx: Ctx, input: NotifyInput): Promise<number> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return 0;
  const now = ctx.clock.now();
  const message = messageColumns(input);
  const rows = await ctx.db
    .insert(notifications)
    .values(ids.map((userId) => ({ userId, ...message, createdAt: now })))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

type AtPairs = { unitCodes: string; roles: string };
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

/**
 * Like notify, for the people holding given roles at given units (accounts' rolePairs): one
 * INSERT … SELECT instead of a read and a write, sent with the transaction's other deferred
 * writes (db/deferred.ts). `exceptUserId` (the actor) is left out.
 */
export async function notifyAt(ctx: Ctx, recipients: AtPairs, input: Message, exceptUserId: number | null = null): Promise<void> {
  const message = messageColumns(input);
  const params = NOTIFY_AT.params({
    ...message,
    params: message.params ? JSON.stringify(message.params) : null,
    createdAt: ctx.clock.now().toISOString(),
    unitCodes: recipients.unitCodes,
    roles: recipients.roles,
    exceptUserId,
  });
  await deferStatement(ctx, { sql: NOTIFY_AT.sql, params });
}

export async function listInbox(ctx: Ctx, q: { unreadOnly?: boolean; before?: number; limit: number }) {
  const actor = requireActor(ctx);
  const where: SQL[] = [eq(notifications.userId, actor.userId)];
  if (q.unreadOnly) where.push(isNull(notifications.readAt));
  if (q.before) where.push(lt(notifications.id, q.before));
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(({ userId: _u, dedupKey: _d, ...n }) => n);
  return { items, nextBefore: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function unreadCount(ctx: Ctx): Promise<number> {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markRead(ctx: Ctx, input: { ids?: number[]; all?: boolean }): Promise<void> {
  const actor = requireActor(ctx);
  const mine = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
  if (input.all) await ctx.db.update(notifications).set({ readAt: ctx.clock.now() }).where(mine);
  else if (input.ids?.length)
    await ctx.db
      .update(notifications)
      .set({ readAt: ctx.clock.now() })
      .where(and(mine, inArray(notifications.id, input.ids)));
}

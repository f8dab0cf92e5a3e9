import { type Ctx, requireActor } from '../../platform/context';
import * as repo from './repository';

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
  return repo.insertMessages(ctx.db, ids, messageColumns(input), ctx.clock.now());
}

/**
 * Like notify, for the people holding given roles at given units, many messages at once: one
 * INSERT … SELECT for the whole batch instead of a read and a write each. Each message's
 * `exceptUserId` (its actor) is left out.
 */
export async function notifyAt(
  ctx: Ctx,
  batch: readonly { targets: readonly { unitCode: string; roles: readonly string[] }[]; message: Message; exceptUserId: number | null }[],
): Promise<void> {
  await repo.insertMessagesAt(
    ctx.db,
    batch.map((b) => ({
      message: messageColumns(b.message),
      unitCodes: b.targets.flatMap((t) => t.roles.map(() => t.unitCode)),
      roles: b.targets.flatMap((t) => [...t.roles]),
      exceptUserId: b.exceptUserId,
    })),
    ctx.clock.now(),
  );
}

export async function listInbox(ctx: Ctx, q: { unreadOnly?: boolean; before?: number; limit: number }) {
  const actor = requireActor(ctx);
  const rows = await repo.findInbox(ctx.db, actor.userId, q);
  const items = rows.slice(0, q.limit).map(({ userId: _u, dedupKey: _d, ...n }) => n);
  return { items, nextBefore: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function unreadCount(ctx: Ctx): Promise<number> {
  return repo.countUnread(ctx.db, requireActor(ctx).userId);
}

export async function markRead(ctx: Ctx, input: { ids?: number[]; all?: boolean }): Promise<void> {
  const actor = requireActor(ctx);
  if (input.all) await repo.markMessagesRead(ctx.db, actor.userId, 'all', ctx.clock.now());
  else if (input.ids?.length) await repo.markMessagesRead(ctx.db, actor.userId, input.ids, ctx.clock.now());
}

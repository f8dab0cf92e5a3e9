import { and, asc, count, eq, gt, inArray, lte, min, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { domainEvents, eventDeliveries, eventSubscriptions } from './tables';

/**
 * The event and one delivery per subscribed handler, in one statement on the caller's
 * transaction. Subscriptions are rows (written from the manifests at start-up), so publishing
 * needs no in-process registry and every instance's handlers get their share.
 */
export function publishStatement(type: string, payload: SQL, at: Date): SQL {
  return sql`with e as (
      insert into ${domainEvents} (type, payload, at) values (${type}, ${payload}, ${at}) returning id
    )
    insert into ${eventDeliveries} (event_id, handler)
    select e.id, s.handler from e join ${eventSubscriptions} s on s.event_type = ${type}`;
}

export async function publishRow(db: Executor, type: string, payload: unknown, at: Date): Promise<void> {
  await db.execute(publishStatement(type, sql`${JSON.stringify(payload)}::jsonb`, at));
}

export interface ClaimedRow {
  deliveryId: number;
  eventId: number;
  attempts: number;
  at: Date;
  recordedAt: Date;
  payload: unknown;
}

/** Due deliveries of one handler, oldest first, locked for this transaction (others skip them). */
export async function claim(db: Executor, handler: string, now: Date, limit: number): Promise<ClaimedRow[]> {
  return db
    .select({
      deliveryId: eventDeliveries.id,
      eventId: eventDeliveries.eventId,
      attempts: eventDeliveries.attempts,
      at: domainEvents.at,
      recordedAt: domainEvents.recordedAt,
      payload: domainEvents.payload,
    })
    .from(eventDeliveries)
    .innerJoin(domainEvents, eq(domainEvents.id, eventDeliveries.eventId))
    .where(and(eq(eventDeliveries.handler, handler), lte(eventDeliveries.nextAttemptAt, now)))
    .orderBy(asc(eventDeliveries.id))
    .limit(limit)
    .for('update', { of: eventDeliveries, skipLocked: true });
}

export async function complete(db: Executor, deliveryIds: number[]): Promise<void> {
  await db.delete(eventDeliveries).where(inArray(eventDeliveries.id, deliveryIds));
}

export async function markFailed(db: Executor, deliveryId: number, retryAt: Date, error: string): Promise<void> {
  await db
    .update(eventDeliveries)
    .set({ attempts: sql`${eventDeliveries.attempts} + 1`, nextAttemptAt: retryAt, lastError: error.slice(0, 2000) })
    .where(eq(eventDeliveries.id, deliveryId));
}

export async function anyDue(db: Executor, now: Date): Promise<boolean> {
  const rows = await db.select({ id: eventDeliveries.id }).from(eventDeliveries).where(lte(eventDeliveries.nextAttemptAt, now)).limit(1);
  return rows.length > 0;
}

/** Makes the subscriptions exactly `pairs`; drops the pending rows of handlers no longer declared. */
export async function syncSubscriptions(db: Executor, pairs: { handler: string; eventType: string }[]): Promise<void> {
  if (pairs.length > 0) await db.insert(eventSubscriptions).values(pairs).onConflictDoNothing();
  const names = [...new Set(pairs.map((p) => p.handler))];
  const keep = sql`(${eventSubscriptions.handler}, ${eventSubscriptions.eventType}) in (${sql.join(
    pairs.map((p) => sql`(${p.handler}, ${p.eventType})`),
    sql`, `,
  )})`;
  await db.delete(eventSubscriptions).where(pairs.length > 0 ? sql`not ${keep}` : undefined);
  await db.delete(eventDeliveries).where(names.length > 0 ? notInArray(eventDeliveries.handler, names) : undefined);
}

/** What an administrator sees: pending work per handler and the deliveries that keep failing. */
export async function pendingByHandler(db: Executor) {
  return db
    .select({ handler: eventDeliveries.handler, pending: count(), oldestEventId: min(eventDeliveries.eventId) })
    .from(eventDeliveries)
    .groupBy(eventDeliveries.handler)
    .orderBy(asc(eventDeliveries.handler));
}

export async function failing(db: Executor, limit: number) {
  return db
    .select({
      deliveryId: eventDeliveries.id,
      handler: eventDeliveries.handler,
      eventId: eventDeliveries.eventId,
      eventType: domainEvents.type,
      at: domainEvents.at,
      attempts: eventDeliveries.attempts,
      nextAttemptAt: eventDeliveries.nextAttemptAt,
      lastError: eventDeliveries.lastError,
    })
    .from(eventDeliveries)
    .innerJoin(domainEvents, eq(domainEvents.id, eventDeliveries.eventId))
    .where(gt(eventDeliveries.attempts, 0))
    .orderBy(asc(eventDeliveries.id))
    .limit(limit);
}

/** Due now (an administrator's retry after fixing the cause). Answers whether it existed. */
export async function retryNow(db: Executor, deliveryId: number): Promise<boolean> {
  const rows = await db
    .update(eventDeliveries)
    .set({ nextAttemptAt: new Date(0) })
    .where(eq(eventDeliveries.id, deliveryId))
    .returning({ id: eventDeliveries.id });
  return rows.length > 0;
}

/**
 * The same as publishStatement, as two CTEs (`<name>_e`, `<name>_d`) for a statement that makes
 * the change itself: `payload` and `from` may use the statement's earlier CTEs (the intake's
 * `m` and `ev`), so the event carries ids the database has only just made.
 */
export function publishCtes(name: string, type: string, payload: SQL, at: Date, from: SQL): SQL {
  const e = sql.raw(`${name}_e`);
  const d = sql.raw(`${name}_d`);
  return sql`${e} as (
      insert into ${domainEvents} (type, payload, at) select ${type}, ${payload}, ${at}::timestamptz ${from} returning id
    ), ${d} as (
      insert into ${eventDeliveries} (event_id, handler) select ${e}.id, s.handler from ${e} join ${eventSubscriptions} s on s.event_type = ${type}
    )`;
}

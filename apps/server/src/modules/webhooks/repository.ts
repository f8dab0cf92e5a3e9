import { and, desc, eq, inArray, like, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { escapeLike } from '../../db/like';
import { buildStatement } from '../../db/prebuilt';
import { type OutboxStatus, outbox, webhookEndpoints } from './tables';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;

// — Robots —

export async function findEndpoint(db: Executor, id: number): Promise<EndpointRow | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

/** Robots of units under `prefix` (every one when empty), by unit then id. */
export function listEndpointRows(db: Executor, prefix: string): Promise<EndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(prefix ? like(webhookEndpoints.unitCode, `${escapeLike(prefix)}%`) : undefined)
    .orderBy(webhookEndpoints.unitCode, webhookEndpoints.id);
}

export async function insertEndpoint(db: Executor, row: typeof webhookEndpoints.$inferInsert): Promise<EndpointRow | undefined> {
  const [created] = await db.insert(webhookEndpoints).values(row).returning();
  return created;
}

export async function updateEndpointRow(
  db: Executor,
  id: number,
  set: Partial<Pick<EndpointRow, 'name' | 'url' | 'enabled' | 'updatedAt'>>,
): Promise<EndpointRow | undefined> {
  const [row] = await db.update(webhookEndpoints).set(set).where(eq(webhookEndpoints.id, id)).returning();
  return row;
}

export async function deleteEndpointRow(db: Executor, id: number): Promise<void> {
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
}

// — Outbox —

const ph = (name: string) => sql.placeholder(name);

// One text for every event: the statement itself picks the enabled robots of the units, so nothing
// is read first (most units have none).
export const ENQUEUE = buildStatement<{ payload: string; dedupKey: string; now: string; units: string }>(
  () => sql`
  insert into ${outbox} (endpoint_id, unit_code, payload, dedup_key, next_attempt_at, created_at)
  select e.id, e.unit_code, ${ph('payload')}::jsonb, ${ph('dedupKey')} || ':' || e.id, ${ph('now')}::timestamptz, ${ph('now')}::timestamptz
  from ${webhookEndpoints} e
  where e.unit_code = any(${ph('units')}::text[]) and e.enabled
  on conflict (dedup_key) do nothing`,
);

export interface OutboxWhere {
  prefix: string;
  status?: OutboxStatus[];
  before?: number;
  limit: number;
}

/** Messages newest first (`limit` rows at most). */
export function listOutboxRows(db: Executor, q: OutboxWhere): Promise<OutboxRow[]> {
  const where: SQL[] = [];
  if (q.prefix) where.push(like(outbox.unitCode, `${escapeLike(q.prefix)}%`));
  if (q.status?.length) where.push(inArray(outbox.status, q.status));
  if (q.before) where.push(lt(outbox.id, q.before));
  return db
    .select()
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.id))
    .limit(q.limit);
}

export async function findOutboxForUpdate(db: Executor, id: number): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).for('update');
  return row;
}

/** Back in line at `at` with a fresh set of attempts. */
export async function requeueOutbox(db: Executor, id: number, at: Date): Promise<OutboxRow | undefined> {
  const [row] = await db.update(outbox).set({ status: 'pending', attempts: 0, nextAttemptAt: at }).where(eq(outbox.id, id)).returning();
  return row;
}

export interface ClaimedMessage {
  id: number;
  endpointId: number;
  payload: unknown;
  attempts: number;
  endpoint: { id: number; url: string; enabled: boolean } | undefined;
}

/**
 * Claims up to `batch` due messages in a short transaction of its own (FOR UPDATE SKIP LOCKED,
 * then `sending` with the lease and the attempt counted), with their robots.
 */
export function claimDue(db: Executor, now: Date, lease: Date, batch: number): Promise<ClaimedMessage[]> {
  return db.transaction(async (tx) => {
    const due = tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(inArray(outbox.status, ['pending', 'failed', 'sending']), lte(outbox.nextAttemptAt, now)))
      .orderBy(outbox.nextAttemptAt, outbox.id)
      .limit(batch)
      .for('update', { skipLocked: true });
    const rows = await tx
      .update(outbox)
      .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: lease })
      .where(inArray(outbox.id, due))
      .returning({ id: outbox.id, endpointId: outbox.endpointId, payload: outbox.payload, attempts: outbox.attempts });
    if (rows.length === 0) return [];
    const endpoints = await tx
      .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, enabled: webhookEndpoints.enabled })
      .from(webhookEndpoints)
      .where(
        inArray(
          webhookEndpoints.id,
          rows.map((c) => c.endpointId),
        ),
      );
    const byId = new Map(endpoints.map((e) => [e.id, e]));
    return rows.map((row) => ({ ...row, endpoint: byId.get(row.endpointId) }));
  });
}

// Only this claim's row: a runner that outlived its lease must not overwrite a newer attempt.
const mine = (row: { id: number; attempts: number }) => and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts));

export async function markSent(db: Executor, row: { id: number; attempts: number }, at: Date): Promise<void> {
  await db.update(outbox).set({ status: 'sent', sentAt: at, lastError: null }).where(mine(row));
}

export async function markFailed(db: Executor, row: { id: number; attempts: number }, f: { dead: boolean; error: string; nextAttemptAt: Date }): Promise<void> {
  await db
    .update(outbox)
    .set({ status: f.dead ? 'dead' : 'failed', lastError: f.error, nextAttemptAt: f.nextAttemptAt })
    .where(mine(row));
}

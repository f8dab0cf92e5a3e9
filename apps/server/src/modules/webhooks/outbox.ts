import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { deferStatement, statementText } from '../../db/prebuilt';
import type { Ctx } from '../../platform/context';
import type { Job } from '../../platform/jobs';
import { backoffMs, MAX_ATTEMPTS } from './backoff';
import { stampForSending } from './message';
import { outbox, webhookEndpoints } from './tables';

export interface EnqueueInput {
  endpointId: number;
  unitCode: string;
  payload: unknown;
  /** The same key enqueues once, however often the cause repeats (sweeps, retried requests). */
  dedupKey: string;
}

/**
 * Writes a message on the caller's connection, i.e. inside the caller's transaction: the message
 * exists if and only if the change that caused it committed. Returns false for a duplicate key.
 */
export async function enqueue(ctx: Ctx, input: EnqueueInput): Promise<boolean> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .insert(outbox)
    .values({ endpointId: input.endpointId, unitCode: input.unitCode, payload: input.payload, dedupKey: input.dedupKey, nextAttemptAt: now, createdAt: now })
    .onConflictDoNothing({ target: outbox.dedupKey })
    .returning({ id: outbox.id });
  return rows.length > 0;
}

// One fixed text for every event: the robots are chosen in the statement, so there is nothing to
// read first, and the write goes with the transaction's other deferred writes (db/deferred.ts).
const ENQUEUE_TO_UNITS = statementText(sql`
  insert into ${outbox} (endpoint_id, unit_code, payload, dedup_key, next_attempt_at, created_at)
  select e.id, e.unit_code, ${sql.placeholder('payload')}::jsonb, ${sql.placeholder('dedupKey')} || ':' || e.id, ${sql.placeholder('now')}::timestamptz, ${sql.placeholder('now')}::timestamptz
  from ${webhookEndpoints} e
  where e.unit_code = any(${sql.placeholder('units')}::text[]) and e.enabled
  on conflict (dedup_key) do nothing`);

/**
 * Enqueues one message to every enabled robot of `unitCodes` (dedup key suffixed with the robot's
 * id), with the transaction's other deferred writes: nothing is read, most units have no robot.
 */
export async function enqueueToUnitsDeferred(ctx: Ctx, unitCodes: string[], payload: unknown, dedupKey: string): Promise<void> {
  if (unitCodes.length === 0) return;
  const now = ctx.clock.now().toISOString();
  await deferStatement(ctx, { sql: ENQUEUE_TO_UNITS, params: [JSON.stringify(payload), dedupKey, now, now, `{${unitCodes.join(',')}}`] });
}

/** The enabled robots of these units (zones, groups, villages): most units have none. */
export function endpointsOf(ctx: Ctx, unitCodes: string[]) {
  if (unitCodes.length === 0) return Promise.resolve([]);
  return ctx.db
    .select({ id: webhookEndpoints.id, unitCode: webhookEndpoints.unitCode })
    .from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.unitCode, unitCodes), eq(webhookEndpoints.enabled, true)));
}

export async function enqueueToUnits(ctx: Ctx, unitCodes: string[], payload: unknown, dedupKey: string): Promise<number> {
  return enqueueToEndpoints(ctx, await endpointsOf(ctx, unitCodes), payload, dedupKey);
}

export async function enqueueToEndpoints(ctx: Ctx, endpoints: { id: number; unitCode: string }[], payload: unknown, dedupKey: string): Promise<number> {
  let n = 0;
  for (const e of endpoints) if (await enqueue(ctx, { endpointId: e.id, unitCode: e.unitCode, payload, dedupKey: `${dedupKey}:${e.id}` })) n++;
  return n;
}

export interface DeliveryOptions {
  batch: number;
  timeoutMs: number;
}
export const DEFAULT_DELIVERY: DeliveryOptions = { batch: 10, timeoutMs: 5_000 };

export type SendResult = { ok: true } | { ok: false; error: string };

/** POSTs one robot message. Failure = network error, timeout, non-2xx, or a JSON `errcode` other than 0. */
export async function postWecom(url: string, body: unknown, timeoutMs: number): Promise<SendResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const text = await res.text();
    if (res.status < 200 || res.status > 299) return { ok: false, error: `HTTP ${res.status}: ${text.slice(0, 200)}` };
    let json: { errcode?: unknown; errmsg?: unknown } | null = null;
    try {
      json = JSON.parse(text);
    } catch {
      // WeCom always answers JSON; a 2xx without it (a proxy page) is not a delivery we can trust.
      return { ok: false, error: `HTTP ${res.status} without JSON: ${text.slice(0, 200)}` };
    }
    if (json && typeof json === 'object' && 'errcode' in json && json.errcode !== 0) {
      return { ok: false, error: `errcode ${String(json.errcode)}: ${String(json.errmsg ?? '').slice(0, 200)}` };
    }
    return { ok: true };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError') return { ok: false, error: `timeout after ${timeoutMs} ms` };
    return { ok: false, error: `${e.name}: ${e.cause?.code ?? e.message}`.slice(0, 300) };
  }
}

/**
 * One delivery round (see docs/notifications.md). Runs inside the job's transaction (which holds
 * the job's advisory lock): claims due rows with FOR UPDATE SKIP LOCKED, sends them concurrently
 * with a timeout, records each outcome. A crash after a send but before the commit leaves the row
 * due, so it is sent again: at most a duplicate, stamped with the same message number.
 */
export async function deliverDue(ctx: Ctx, options: DeliveryOptions = DEFAULT_DELIVERY): Promise<{ sent: number; failed: number }> {
  const now = ctx.clock.now();
  // A claim is a lease: should a future runner commit the claim before sending, a row whose
  // runner died becomes due again once the lease (twice the timeout) has passed.
  const lease = new Date(now.getTime() + 2 * options.timeoutMs);
  const due = ctx.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(inArray(outbox.status, ['pending', 'failed', 'sending']), lte(outbox.nextAttemptAt, now)))
    .orderBy(outbox.nextAttemptAt, outbox.id)
    .limit(options.batch)
    .for('update', { skipLocked: true });
  const claimed = await ctx.db
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: lease })
    .where(inArray(outbox.id, due))
    .returning({ id: outbox.id, endpointId: outbox.endpointId, payload: outbox.payload, attempts: outbox.attempts });
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const endpoints = await ctx.db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, enabled: webhookEndpoints.enabled })
    .from(webhookEndpoints)
    .where(
      inArray(
        webhookEndpoints.id,
        claimed.map((c) => c.endpointId),
      ),
    );
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  const results = await Promise.all(
    claimed.map(async (row): Promise<SendResult> => {
      const endpoint = byId.get(row.endpointId);
      if (!endpoint?.enabled) return { ok: false, error: 'endpoint disabled' };
      return postWecom(endpoint.url, stampForSending(row.payload, row.id, row.attempts), options.timeoutMs);
    }),
  );
  let sent = 0;
  for (const [i, row] of claimed.entries()) {
    const r = results[i] as SendResult;
    if (r.ok) {
      sent++;
      await ctx.db.update(outbox).set({ status: 'sent', sentAt: now, lastError: null }).where(eq(outbox.id, row.id));
    } else {
      const dead = row.attempts >= MAX_ATTEMPTS;
      await ctx.db
        .update(outbox)
        .set({ status: dead ? 'dead' : 'failed', lastError: r.error, nextAttemptAt: dead ? now : new Date(now.getTime() + backoffMs(row.attempts)) })
        .where(eq(outbox.id, row.id));
    }
  }
  return { sent, failed: claimed.length - sent };
}

export const outboxDeliveryJob: Job = {
  name: 'outbox-delivery',
  everyMs: 5_000,
  run: async (ctx) => {
    await deliverDue(ctx);
  },
};

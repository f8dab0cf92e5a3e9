import { pgArray } from '../../db/arrays';
import { runBuiltStatement } from '../../db/prebuilt';
import type { Ctx } from '../../platform/context';
import type { Job } from '../../platform/jobs';
import { backoffMs, MAX_ATTEMPTS } from './backoff';
import { stampForSending } from './message';
import { claimDue, ENQUEUE, markFailed, markSent } from './repository';
import { sendTimeProblem } from './url-guard';

// ENQUEUE (repository.ts) is one text for every event; inside inTransaction it goes with the
// transaction's other deferred writes (db/deferred.ts).

/**
 * Enqueues one message to every enabled robot of `unitCodes` (the dedup key suffixed with the
 * robot's id, so the same cause enqueues once however often it repeats), on the caller's
 * connection: the message exists if and only if the change that caused it committed.
 */
export async function enqueueToUnits(ctx: Ctx, unitCodes: string[], payload: unknown, dedupKey: string): Promise<void> {
  if (unitCodes.length === 0) return;
  const now = ctx.clock.now().toISOString();
  const params = ENQUEUE.params({ payload: JSON.stringify(payload), dedupKey, now, units: pgArray(unitCodes) });
  await runBuiltStatement(ctx, { sql: ENQUEUE.sql, params });
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
 * One delivery round (see docs/notifications.md, docs/operations.md). Claims due rows in a short
 * transaction of its own (FOR UPDATE SKIP LOCKED, then `sending` with a lease and the attempt
 * counted) and commits the claim before any HTTP: no connection is held while a robot answers,
 * which on PGlite (one connection) froze the app for the whole timeout. Each message is then
 * sent with a timeout and its outcome recorded the moment its answer comes, so a crash re-sends
 * only the messages whose answer was in flight, never the rest of the batch. A claimed row whose
 * runner died becomes due again when its lease (twice the timeout) has passed.
 */
export async function deliverDue(ctx: Ctx, options: DeliveryOptions = DEFAULT_DELIVERY): Promise<{ sent: number; failed: number }> {
  const now = ctx.clock.now();
  const lease = new Date(now.getTime() + 2 * options.timeoutMs);
  const claimed = await claimDue(ctx.db, now, lease, options.batch);
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const outcomes = await Promise.all(
    claimed.map(async (row): Promise<boolean> => {
      const { endpoint } = row;
      let r: SendResult;
      if (!endpoint?.enabled) r = { ok: false, error: 'endpoint disabled' };
      else {
        // The robot URL policy once more, on what the host resolves to now (url-guard.ts).
        const refused = await sendTimeProblem(endpoint.url);
        r = refused ? { ok: false, error: refused } : await postWecom(endpoint.url, stampForSending(row.payload, row.id, row.attempts), options.timeoutMs);
      }
      if (r.ok) {
        await markSent(ctx.db, row, ctx.clock.now());
        return true;
      }
      const dead = row.attempts >= MAX_ATTEMPTS;
      await markFailed(ctx.db, row, { dead, error: r.error, nextAttemptAt: dead ? now : new Date(now.getTime() + backoffMs(row.attempts)) });
      return false;
    }),
  );
  const sent = outcomes.filter(Boolean).length;
  return { sent, failed: claimed.length - sent };
}

export const outboxDeliveryJob: Job = {
  name: 'outbox-delivery',
  everyMs: 5_000,
  // Outside the job transaction: the claim commits before any HTTP (see deliverDue). Two
  // instances never claim the same row (SKIP LOCKED, then the lease), so no job lock is needed.
  standalone: true,
  run: async (ctx) => {
    await deliverDue(ctx);
  },
};

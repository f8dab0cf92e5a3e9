import type { Database, Executor } from '../../db/client';
import type { Clock } from '../clock';
import type { Ctx } from '../context';
import type { DeliveredEvent, EventHandler } from './define';
import { recordLag } from './lag';
import * as repo from './repository';
import { onWake } from './wake';

const BATCH = 200;
/** Between a publish (or a busy pass) and the next pass: a few reports' worth of events per batch. */
const GAP_MS = 50;
const MAX_BACKOFF_MS = 10 * 60_000;

export interface Logger {
  error(obj: object, msg: string): void;
  warn?(obj: object, msg: string): void;
}

/** 2 s, 4 s, 8 s … up to ten minutes: a handler failing on a bad row must not spin. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts + 1, 20));
}

function handlerCtx(tx: Executor, base: Executor, clock: Clock, name: string): Ctx {
  return { db: tx, base, actor: null, clock, locale: 'zh-CN', requestId: `event:${name}`, ip: null };
}

type Claimed = { id: number; attempts: number };

/**
 * One transaction: claim up to `limit` due deliveries of `h`, handle them, remove them. Returns
 * how many were handled (0: nothing due). Throws what the handler threw, with the claimed ids.
 */
async function runBatch(db: Database['db'], clock: Clock, h: EventHandler, limit: number, claimed: Claimed[]): Promise<number> {
  const handled = await db.transaction(async (tx) => {
    const rows = await repo.claim(tx, h.name, clock.now(), limit);
    if (rows.length === 0) return [];
    claimed.push(...rows.map((r) => ({ id: r.deliveryId, attempts: r.attempts })));
    const events: DeliveredEvent<unknown>[] = rows.map((r) => ({
      eventId: r.eventId,
      deliveryId: r.deliveryId,
      at: new Date(r.at),
      attempts: r.attempts,
      payload: r.payload,
    }));
    await h.handle(handlerCtx(tx, db, clock, h.name), events);
    await repo.complete(
      tx,
      rows.map((r) => r.deliveryId),
    );
    return rows;
  });
  const now = Date.now();
  for (const r of handled) recordLag(now - new Date(r.recordedAt).getTime());
  return handled.length;
}

/**
 * Handles what is due for one handler. A failing batch is retried one event at a time, so one
 * bad event is set aside (attempts + 1, next try after its back-off, the error kept for the
 * administrators' page) and the others go through.
 */
async function runHandler(database: Database, clock: Clock, h: EventHandler, log: Logger): Promise<number> {
  const claimed: Claimed[] = [];
  try {
    return await runBatch(database.db, clock, h, BATCH, claimed);
  } catch (err) {
    if (claimed.length === 0) throw err; // the claim itself failed (database down): the loop retries
  }
  let done = 0;
  for (let i = 0; i < claimed.length; i++) {
    const one: Claimed[] = [];
    try {
      const n = await runBatch(database.db, clock, h, 1, one);
      if (n === 0) break;
      done += n;
    } catch (err) {
      const failed = one[0];
      if (failed === undefined) throw err;
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      log.error({ err, handler: h.name, deliveryId: failed.id }, 'event handler failed');
      await repo.markFailed(database.db, failed.id, new Date(clock.now().getTime() + backoffMs(failed.attempts)), message);
    }
  }
  return done;
}

/**
 * Handlers run two at a time, each in its own transaction. Not more: a handler holds a pool
 * connection for its batch and may borrow another through `ctx.base` (the short caches), so more
 * side by side could take every connection of a small pool and wait on each other.
 */
const SIDE_BY_SIDE = 2;

/** One pass over every handler; answers how many deliveries were handled. */
export async function dispatchOnce(database: Database, clock: Clock, handlers: readonly EventHandler[], log: Logger): Promise<number> {
  let next = 0;
  let total = 0;
  let failure: unknown = null;
  const lane = async () => {
    for (let h = handlers[next++]; h !== undefined; h = handlers[next++]) {
      try {
        total += await runHandler(database, clock, h, log);
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SIDE_BY_SIDE, handlers.length) }, lane));
  if (failure) throw failure;
  return total;
}

/** Handles everything due now, until nothing is (tests, the CLI after a seed). */
export async function drainEvents(database: Database, clock: Clock, handlers: readonly EventHandler[], log: Logger = console): Promise<number> {
  let total = 0;
  for (;;) {
    if (!(await repo.anyDue(database.db, clock.now()))) return total;
    const n = await dispatchOnce(database, clock, handlers, log);
    if (n === 0) return total;
    total += n;
  }
}

/**
 * Runs the handlers in the background: at once when this instance publishes (wake.ts), else
 * every `pollMs` (other instances' events, retries). Several instances share the work row by
 * row (SKIP LOCKED). Returns a stop function that waits for the pass in flight.
 */
export function startDispatcher(database: Database, clock: Clock, handlers: readonly EventHandler[], log: Logger, pollMs = 250): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let timerDue = 0;
  const schedule = (ms: number) => {
    if (stopped) return;
    // Never postpone a pass already due sooner (a stream of wake-ups must not starve it).
    if (timer && timerDue <= Date.now() + ms) return;
    if (timer) clearTimeout(timer);
    timerDue = Date.now() + ms;
    timer = setTimeout(run, ms);
  };
  const run = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = (async () => {
      let busy = false;
      try {
        busy = (await dispatchOnce(database, clock, handlers, log)) > 0;
      } catch (err) {
        log.error({ err }, 'event dispatch failed');
      }
      running = null;
      // Work left (a full batch, or a wake-up during the pass): go on after a short gap (under a
      // stream of reports the next pass takes a bigger batch, cheaper per event, and the requests
      // get the thread in between); else wait for the poll.
      schedule(busy || again ? GAP_MS : pollMs);
    })();
  };
  const off = onWake(() => {
    // After the publisher's commit: a timer, not a microtask, and GAP_MS so one pass takes several reports.
    if (running) again = true;
    else schedule(GAP_MS);
  });
  schedule(0);
  return async () => {
    stopped = true;
    off();
    if (timer) clearTimeout(timer);
    await running;
  };
}

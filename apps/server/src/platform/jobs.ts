import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client';
import type { Clock } from './clock';
import type { Ctx } from './context';

/** A periodic task (escalation sweep, overdue-visit alerts, outbox delivery …). */
export interface Job {
  name: string;
  everyMs: number;
  /** Runs inside a transaction that holds the job's advisory lock (ctx.db is that transaction). */
  run(ctx: Ctx): Promise<void>;
  /**
   * Runs on the database itself, without the job transaction and lock: for a job that waits on
   * something slow (HTTP) and guards itself with short transactions of its own (webhooks/outbox.ts).
   */
  standalone?: boolean;
}

/**
 * Runs a job once, on at most one instance at a time: the transaction takes a PostgreSQL
 * advisory lock keyed by the job's name, and an instance that cannot get it skips this round.
 * Returns false when skipped.
 */
export async function runJobOnce(db: Database['db'], clock: Clock, job: Job): Promise<boolean> {
  if (job.standalone) {
    await job.run({ db, base: db, actor: null, clock, locale: 'zh-CN', requestId: `job:${job.name}`, ip: null });
    return true;
  }
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`jiceng.job.${job.name}`})) as locked`);
    const locked = (res as unknown as { rows: { locked: boolean }[] }).rows[0]?.locked;
    if (!locked) return false;
    await job.run({ db: tx, base: db, actor: null, clock, locale: 'zh-CN', requestId: `job:${job.name}`, ip: null });
    return true;
  });
}

/**
 * Starts every job on its interval (or every `everyMs`, JICENG_JOBS_EVERY_MS); returns a function
 * that stops them and waits for runs in flight. A job whose last run is still going skips a tick,
 * so a short interval never piles runs up.
 */
export function startJobs(database: Database, clock: Clock, jobs: Job[], log: FastifyBaseLogger, everyMs: number | null = null): () => Promise<void> {
  const running = new Map<string, Promise<unknown>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      if (running.has(job.name)) return;
      const p = runJobOnce(database.db, clock, job)
        .catch((err) => log.error({ err, job: job.name }, 'job failed'))
        .finally(() => running.delete(job.name));
      running.set(job.name, p);
    }, everyMs ?? job.everyMs),
  );
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running.values()]);
  };
}

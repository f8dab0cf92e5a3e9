import cluster, { type Worker } from 'node:cluster';

/**
 * The primary process of `JICENG_WORKERS` > 1: it only forks the HTTP workers (each a whole jiceng
 * on the shared port: Node hands connections round-robin), restarts one that dies, and passes a
 * stop signal on. A single Node thread is the bottleneck of a busy server long before
 * PostgreSQL is; workers already behave as separate instances (sessions in the database, jobs
 * under advisory locks, migrations under a lock), so nothing else changes.
 */
export function superviseWorkers(count: number): void {
  let stopping = false;
  const log = (msg: string) => process.stderr.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg })}\n`);
  const fork = (): Worker => cluster.fork();
  let restarts = 0;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that keeps failing at start (bad config, database down) must not spin: back off.
    restarts++;
    const delay = Math.min(30_000, 250 * 2 ** Math.min(restarts, 7));
    log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another in ${delay} ms`);
    // Not unref'd: with every worker dead this timer is all that keeps the primary alive, and
    // the primary must never exit while it should serve (it exited 0 when both workers died).
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });
  cluster.on('listening', () => {
    restarts = 0;
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    if (alive.length === 0) process.exit(0);
    for (const w of alive) w.process.kill(signal);
    setTimeout(() => process.exit(0), 15_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  log(`starting ${count} workers`);
  for (let i = 0; i < count; i++) fork();
}

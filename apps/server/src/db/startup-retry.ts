import { isDatabaseUnavailable } from './unavailable';

/**
 * Runs `attempt` until it succeeds, retrying while the database is unreachable (a server that
 * starts before its PostgreSQL, or during its restart) with a doubling delay up to 5 s, for at
 * most `waitSeconds`. Any other error (a failed migration, a locked data folder) fails at once.
 */
export async function retryWhileUnavailable<T>(attempt: () => Promise<T>, waitSeconds: number, log: (msg: string) => void): Promise<T> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (let delay = 250, n = 1; ; n++, delay = Math.min(5_000, delay * 2)) {
    try {
      return await attempt();
    } catch (err) {
      if (!isDatabaseUnavailable(err) || Date.now() + delay > deadline) throw err;
      log(`the database is unreachable (${(err as Error).message}); attempt ${n} failed, retrying in ${delay} ms`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Delays after the 1st, 2nd … failed attempt; the last one repeats until MAX_ATTEMPTS. */
export const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
/** After this many failed attempts a message is 'dead' and waits for a manual retry. */
export const MAX_ATTEMPTS = 6;
/** ±20 %: robots of a whole district that failed together (WeCom outage) do not all retry at once. */
export const JITTER = 0.2;

/** The delay before the next attempt, after `attempts` failed ones (1-based). */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = BACKOFF_MS[Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1] as number;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

import { NetworkError, ServerError } from './api';

/**
 * One key per draft, sent with the report: the server answers a retried draft with the matter it
 * already filed, so a lost answer or a double tap never files twice. randomUUID needs a secure
 * context and a recent browser; old phones on plain HTTP fall back.
 */
export function newDraftKey(c: Partial<Crypto> | undefined = globalThis.crypto): string {
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An answer that never came (no network, timeout) or a server hiccup: worth sending again. */
export function isLost(err: unknown): boolean {
  if (err instanceof NetworkError) return true;
  return err instanceof ServerError && (err.status >= 500 || err.status === 408);
}

/** Pauses before each retry: 1, 2, 4, 8, 16 s (about half a minute in all). */
export const RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000];

/**
 * Runs `send` until it answers, retrying a lost answer after each pause; a refusal (400, 409 …)
 * or the last lost answer is thrown. `onAttempt` hears the attempt number (1, 2, …) before each.
 */
export async function withRetry<T>(
  send: () => Promise<T>,
  onAttempt: (n: number) => void = () => undefined,
  delays: number[] = RETRY_DELAYS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let n = 1; ; n++) {
    onAttempt(n);
    try {
      return await send();
    } catch (err) {
      const pause = delays[n - 1];
      if (!isLost(err) || pause === undefined) throw err;
      await sleep(pause);
    }
  }
}

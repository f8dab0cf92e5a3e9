/**
 * The page's side of the service worker's API cache (public/sw.js, docs/offline.md): what the
 * worker keeps of /api answers is one person's data, so it goes when the session ends, and the
 * session's own answer is kept as soon as one logs in, so a reload with no signal stays logged in.
 */
export const API_CACHE = 'jiceng-api-v1';
const ME = '/api/auth/me';

const hasCaches = () => typeof caches !== 'undefined';

/** Logged in: /auth/me as the server would answer it, for the worker to serve offline. */
export async function rememberSession(me: unknown): Promise<void> {
  if (!hasCaches()) return;
  const cache = await caches.open(API_CACHE);
  await cache.put(ME, new Response(JSON.stringify(me), { headers: { 'content-type': 'application/json' } }));
}

/** Logged out or 401: drop every cached API answer, here and in the worker. */
export async function endSession(): Promise<void> {
  navigator.serviceWorker?.controller?.postMessage({ type: 'session-ended' });
  if (hasCaches()) await caches.delete(API_CACHE);
}

/** Not the server saying who one is: no network, or the worker's "offline" stand-in. */
export function isOfflineFailure(err: unknown): boolean {
  if (err instanceof TypeError) return true; // fetch's "Failed to fetch"
  const e = err as { status?: number; code?: string } | null;
  return !!e && (e.code === 'OFFLINE' || (typeof e.status === 'number' && e.status >= 500));
}

import { useEffect, useState } from 'react';
import { retryDelay } from './backoff';
import { listQueued, onQueueChange, type QueuedVisit, syncQueue } from './queue';

/** The visits waiting on this phone, kept current. */
export function useQueue(): QueuedVisit[] {
  const [items, setItems] = useState<QueuedVisit[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      listQueued()
        .then((q) => live && setItems(q))
        .catch(() => undefined);
    load();
    const off = onQueueChange(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return items;
}

/**
 * Sends the queue when the page loads, as soon as the network comes back (the `online` event, and
 * the service worker's Background Sync where the browser has it), and while anything waits,
 * again after a growing pause (retryDelay) — a phone that says "online" may still have no signal.
 */
export function VisitSync() {
  useEffect(() => {
    let failures = 0;
    let timer = 0;
    const schedule = (ms: number) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(sync, ms);
    };
    const sync = () => {
      syncQueue()
        .then(() => listQueued())
        .then((left) => {
          const waiting = left.filter((v) => !v.error).length;
          failures = waiting ? failures + 1 : 0;
          if (waiting) {
            askBackgroundSync();
            schedule(retryDelay(failures));
          } else schedule(30_000);
        })
        .catch(() => schedule(retryDelay(++failures)));
    };
    const back = () => {
      failures = 0;
      sync();
    };
    const fromWorker = (e: MessageEvent) => {
      if (e.data?.type === 'sync-visits') back();
    };
    sync();
    window.addEventListener('online', back);
    navigator.serviceWorker?.addEventListener('message', fromWorker);
    return () => {
      window.removeEventListener('online', back);
      navigator.serviceWorker?.removeEventListener('message', fromWorker);
      window.clearTimeout(timer);
    };
  }, []);
  return null;
}

/** Background Sync (Chromium): the worker is woken when the network returns, even between the page's retries. */
function askBackgroundSync() {
  navigator.serviceWorker?.ready
    .then((reg) => (reg as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register('jiceng-visits'))
    .catch(() => undefined);
}

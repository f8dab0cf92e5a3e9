import { useEffect, useState } from 'react';
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

/** Sends the queue when the page loads, when the network comes back, and every half minute while online. */
export function VisitSync() {
  useEffect(() => {
    const sync = () => {
      if (navigator.onLine) syncQueue().catch(() => undefined);
    };
    sync();
    window.addEventListener('online', sync);
    const timer = window.setInterval(sync, 30_000);
    return () => {
      window.removeEventListener('online', sync);
      window.clearInterval(timer);
    };
  }, []);
  return null;
}

import type { VisitKind } from '@jiceng/shared/visits';
import { ApiError, api } from '../../app/api';

/**
 * Visits waiting on the phone (IndexedDB, so a photo's Blob survives too). Every visit goes
 * through here: saved first with its client-generated key, then sent; the entry leaves only
 * after the server answered 200/201, and the server dedups by clientKey, so a visit is never
 * counted twice however often sending is retried.
 */
export interface QueuedVisit {
  clientKey: string;
  householdId: number;
  headName: string;
  kind: VisitKind;
  visitedAt: string;
  findings: string | null;
  needs: string | null;
  risks: string | null;
  photo: Blob | null;
  /** Set once the visit itself is stored but its photo is not yet. */
  visitId?: number;
  /** The server refused it (not a network failure): kept and shown, not retried by itself. */
  error?: string;
}

const DB = 'jiceng-visits';
const STORE = 'queue';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'clientKey' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => {
      db.close();
      resolve(req.result);
    };
    tx.onerror = () => reject(tx.error);
  });
}

const listeners = new Set<() => void>();
const changed = () => {
  for (const l of listeners) l();
};

export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const listQueued = () => run<QueuedVisit[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedVisit[]>);

async function put(v: QueuedVisit) {
  await run('readwrite', (s) => s.put(v));
  changed();
}

export async function removeQueued(clientKey: string) {
  await run('readwrite', (s) => s.delete(clientKey));
  changed();
}

export async function enqueue(v: QueuedVisit): Promise<void> {
  await put(v);
  void syncQueue();
}

/** Not the server saying no: offline, a dropped connection, a server hiccup or an expired session. */
const isTransient = (err: unknown) => !(err instanceof ApiError) || err.status >= 500 || [401, 408, 429].includes(err.status);

async function sendOne(v: QueuedVisit): Promise<void> {
  let visitId = v.visitId;
  if (!visitId) {
    const body = {
      householdId: v.householdId,
      kind: v.kind,
      visitedAt: v.visitedAt,
      findings: v.findings,
      needs: v.needs,
      risks: v.risks,
      clientKey: v.clientKey,
    };
    visitId = (await api.post<{ id: number }>('/visits', body)).id;
    if (v.photo) await put({ ...v, visitId });
  }
  if (v.photo) {
    const res = await fetch(`/api/visits/${visitId}/photo`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': v.photo.type },
      body: v.photo,
    });
    if (!res.ok) {
      const e = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
      throw new ApiError(res.status, e?.error?.code ?? `HTTP_${res.status}`, e?.error?.message ?? res.statusText);
    }
  }
  await removeQueued(v.clientKey);
}

let running: Promise<void> | null = null;
let again = false;

async function drain(): Promise<void> {
  do {
    again = false;
    for (const v of await listQueued()) {
      if (v.error) continue;
      try {
        await sendOne(v);
      } catch (err) {
        if (isTransient(err)) return;
        await put({ ...v, error: err instanceof Error ? err.message : String(err) });
      }
    }
  } while (again);
}

/** Sends what waits, one at a time and one run at once per page (the server dedups across pages). */
export function syncQueue(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = drain().finally(() => {
    running = null;
  });
  return running;
}

/** Tries a refused entry again (after the reason was dealt with). */
export async function retryQueued(v: QueuedVisit) {
  await put({ ...v, error: undefined });
  await syncQueue();
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueue, listQueued, type QueuedVisit, retryQueued, syncQueue } from './queue';

// The real visit queue (queue.ts) on a small in-memory IndexedDB (one object store keyed by
// clientKey, answering after the caller has set its handlers, as the browser's does) and a
// scripted server behind fetch.

type Store = Map<string, QueuedVisit>;

function memoryIndexedDB(): { indexedDB: IDBFactory; store: Store } {
  const store: Store = new Map();
  let created = false;
  const later = (fn: () => void) => setTimeout(fn, 0);
  const request = <T>(result: T) => ({ result }) as unknown as IDBRequest<T>;
  const objectStore = {
    getAll: () => request([...store.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => ({ ...v }))),
    put: (v: QueuedVisit) => {
      store.set(v.clientKey, { ...v });
      return request(v.clientKey);
    },
    delete: (key: string) => {
      store.delete(key);
      return request(undefined);
    },
  };
  const db = {
    createObjectStore: () => objectStore,
    close: () => undefined,
    transaction: () => {
      const tx = { objectStore: () => objectStore } as unknown as IDBTransaction;
      later(() => tx.oncomplete?.(new Event('complete')));
      return tx;
    },
  };
  const open = () => {
    const req = { result: db } as unknown as IDBOpenDBRequest;
    later(() => {
      if (!created) req.onupgradeneeded?.(new Event('upgradeneeded') as IDBVersionChangeEvent);
      created = true;
      req.onsuccess?.(new Event('success'));
    });
    return req;
  };
  return { indexedDB: { open } as unknown as IDBFactory, store };
}

type Reply = 'offline' | { status: number; body?: unknown };

/**
 * The server: a request takes the next scripted reply for its kind (visit or photo), or `down`'s
 * while it is set, else it is stored (201). `sent` holds the visits it stored, in order.
 */
function scriptedServer() {
  const calls: string[] = [];
  const sent: { clientKey: string; findings: string | null }[] = [];
  const replies: Record<'visit' | 'photo', Reply[]> = { visit: [], photo: [] };
  const state: { down: Reply | null } = { down: null };
  let nextId = 100;
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const kind = url.endsWith('/photo') ? 'photo' : 'visit';
    calls.push(url);
    const reply = state.down ?? replies[kind].shift();
    if (reply === 'offline') throw new TypeError('Failed to fetch');
    if (reply) return new Response(JSON.stringify(reply.body ?? {}), { status: reply.status, headers: { 'content-type': 'application/json' } });
    if (kind === 'visit') sent.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify({ id: kind === 'visit' ? nextId++ : 1 }), { status: 201, headers: { 'content-type': 'application/json' } });
  });
  return { fetch, calls, sent, replies, state, keys: () => sent.map((v) => v.clientKey) };
}

const visit = (clientKey: string, extra: Partial<QueuedVisit> = {}): QueuedVisit => ({
  clientKey,
  householdId: 7,
  headName: '张红',
  kind: 'home',
  visitedAt: '2026-01-05T01:00:00.000Z',
  findings: '家中一切正常',
  needs: null,
  risks: null,
  photo: null,
  ...extra,
});
const refusal = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });

let db: ReturnType<typeof memoryIndexedDB>;
let server: ReturnType<typeof scriptedServer>;
/** Entries already waiting on the phone (as a page left them), without starting a send. */
const waiting = (...vs: QueuedVisit[]) => {
  for (const v of vs) db.store.set(v.clientKey, v);
};

beforeEach(() => {
  db = memoryIndexedDB();
  server = scriptedServer();
  vi.stubGlobal('indexedDB', db.indexedDB);
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(async () => {
  server.state.down = null;
  await syncQueue();
  vi.unstubAllGlobals();
});

describe('the offline visit queue', () => {
  it('keeps a visit until the server took it, then lets it go; the visit carries its client key', async () => {
    await enqueue(visit('a'));
    await syncQueue();
    expect(server.sent).toEqual([expect.objectContaining({ householdId: 7, kind: 'home', clientKey: 'a', findings: '家中一切正常' })]);
    expect(await listQueued()).toEqual([]);
  });

  it('saving a visit again under its client key replaces it: one entry, sent once', async () => {
    server.state.down = 'offline';
    await enqueue(visit('a'));
    await enqueue(visit('a', { findings: '补充：屋顶漏雨' }));
    await syncQueue();
    expect(await listQueued()).toEqual([visit('a', { findings: '补充：屋顶漏雨' })]);
    server.state.down = null;
    await syncQueue();
    expect(await listQueued()).toEqual([]);
    expect(server.sent.map((v) => v.findings)).toEqual(['补充：屋顶漏雨']);
  });

  it('offline, a 5xx, an expired session or a rate limit keep the entries and end the run; a later run sends them', async () => {
    for (const reply of ['offline', { status: 503 }, { status: 401 }, { status: 429 }] as Reply[]) {
      server.state.down = reply;
      waiting(visit('a'), visit('b'));
      await syncQueue();
      expect((await listQueued()).map((v) => [v.clientKey, v.error])).toEqual([
        ['a', undefined],
        ['b', undefined],
      ]);
      expect(server.calls).toEqual(['/api/visits']); // stopped at the first failure
      server.state.down = null;
      await syncQueue();
      expect(await listQueued()).toEqual([]);
      expect(server.keys()).toEqual(['a', 'b']);
      server.calls.length = 0;
      server.sent.length = 0;
    }
  });

  it('a refusal is kept with its reason and not retried by itself; the others go on; retrying sends it', async () => {
    server.replies.visit.push(refusal(404, 'VISIT_NOT_LINKED', '该户未与您联户'));
    waiting(visit('a'), visit('b'));
    await syncQueue();
    expect(await listQueued()).toEqual([{ ...visit('a'), error: '该户未与您联户' }]);
    expect(server.keys()).toEqual(['b']);
    await syncQueue();
    expect(server.calls).toHaveLength(2); // not tried again by itself
    const [refused] = await listQueued();
    await retryQueued(refused as QueuedVisit);
    expect(await listQueued()).toEqual([]);
    expect(server.keys()).toEqual(['b', 'a']);
  });

  it('a photo that failed after its visit was stored is sent again without posting the visit twice', async () => {
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    server.replies.photo.push({ status: 503 });
    waiting(visit('a', { photo }));
    await syncQueue();
    const [left] = await listQueued();
    expect(left).toMatchObject({ clientKey: 'a', visitId: 100 });
    expect(left?.error).toBeUndefined();
    await syncQueue();
    expect(await listQueued()).toEqual([]);
    expect(server.calls).toEqual(['/api/visits', '/api/visits/100/photo', '/api/visits/100/photo']);
  });

  it('runs one send at a time: syncs asked for meanwhile join the run, and nothing is sent twice', async () => {
    waiting(visit('a'), visit('b'), visit('c'));
    await Promise.all([syncQueue(), syncQueue(), enqueue(visit('d')), syncQueue()]);
    await syncQueue();
    expect(await listQueued()).toEqual([]);
    expect(server.keys().sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});

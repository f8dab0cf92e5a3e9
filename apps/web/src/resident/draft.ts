/**
 * The report being written survives a reload (a tab killed by the phone, a dropped page): its
 * text, category and key in localStorage, its photo (a data URL of a few hundred KB) in
 * IndexedDB. Kept per link (a draft for one village never goes to another); cleared once filed.
 * Name and phone are not kept: the phone may be shared.
 */
export interface SavedDraft {
  /** The link it was written at: the contact card's token or the village code. */
  target: string;
  category: string | null;
  description: string;
  clientKey: string;
}

const KEY = 'jiceng.reportDraft';

/** The saved draft for this link, or null (none, another link's, or unreadable). */
export function parseDraft(raw: string | null, target: string): SavedDraft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<SavedDraft>;
    if (d.target !== target || typeof d.clientKey !== 'string' || typeof d.description !== 'string') return null;
    return { target, category: typeof d.category === 'string' ? d.category : null, description: d.description, clientKey: d.clientKey };
  } catch {
    return null;
  }
}

export function loadDraft(target: string, store: Pick<Storage, 'getItem'> = localStorage): SavedDraft | null {
  try {
    return parseDraft(store.getItem(KEY), target);
  } catch {
    return null; // private mode, storage off
  }
}

export function saveDraft(d: SavedDraft, store: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    store.setItem(KEY, JSON.stringify(d));
  } catch {
    // Full or off: the draft lasts for this page only.
  }
}

function photos(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('jiceng-report', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('photo');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('photo', mode);
      const req = fn(tx.objectStore('photo'));
      tx.oncomplete = () => {
        db.close();
        resolve(req.result);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

export const savePhoto = (target: string, photo: string | null): Promise<unknown> =>
  photos('readwrite', (s) => (photo ? s.put(photo, target) : s.delete(target))).catch(() => undefined);

export const loadPhoto = (target: string): Promise<string | null> =>
  photos('readonly', (s) => s.get(target)).then(
    (v) => (typeof v === 'string' ? v : null),
    () => null,
  );

export function clearDraft(target: string): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
  void savePhoto(target, null);
}

import type { Ctx } from './context';

/**
 * A small read-through cache for rows that every request reads and that change rarely (matter
 * categories, units, webhook robots). Entries are kept per database (tests run several in one
 * process) and expire after `ttlMs`, so an edit made on another instance shows within that time;
 * the instance that makes an edit calls `clear()` and sees it at once.
 */
export function ttlCache<V>(ttlMs: number, maxEntries = 5_000) {
  let byDb = new WeakMap<object, Map<string, { value: V; until: number }>>();
  const entriesOf = (ctx: Pick<Ctx, 'db' | 'base'>) => {
    const db = ctx.base ?? ctx.db;
    let entries = byDb.get(db);
    if (!entries) {
      entries = new Map();
      byDb.set(db, entries);
    }
    return entries;
  };
  const set = (ctx: Pick<Ctx, 'db' | 'base'>, key: string, value: V): void => {
    const entries = entriesOf(ctx);
    if (entries.size >= maxEntries) entries.clear();
    entries.set(key, { value, until: Date.now() + ttlMs });
  };
  return {
    /** `keep` decides whether a loaded value is kept (e.g. not a "not found" that may soon exist). */
    async get(ctx: Pick<Ctx, 'db' | 'base'>, key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
      const hit = entriesOf(ctx).get(key);
      if (hit && hit.until > Date.now()) return hit.value;
      const value = await load();
      if (keep(value)) set(ctx, key, value);
      return value;
    },
    /** A live entry, if any (for callers that load several keys in one query). */
    peek(ctx: Pick<Ctx, 'db' | 'base'>, key: string): { value: V } | undefined {
      const hit = entriesOf(ctx).get(key);
      return hit && hit.until > Date.now() ? hit : undefined;
    },
    set,
    clear(): void {
      byDb = new WeakMap();
    },
  };
}

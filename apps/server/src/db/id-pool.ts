import { sql } from 'drizzle-orm';
import type { Executor } from './client';

/**
 * Ids handed out before the insert, in blocks from the table's identity sequence (Hibernate's
 * "pooled" optimizer): a row whose id is known up front can be written together with the rows
 * that point to it, in one statement (platform/one-statement.ts). Ids stay unique across
 * instances, since each block comes from the sequence; they are not in creation order across
 * instances, and a restart leaves a gap, neither of which anything relies on (orderings break ties
 * by id only).
 */
const BLOCK = 20;

interface Pool {
  ids: number[];
  refill: Promise<void> | null;
}

// Per database (its pool-level executor) and table.
const pools = new WeakMap<object, Map<string, Pool>>();

function poolOf(db: Executor, table: string): Pool {
  let byTable = pools.get(db);
  if (!byTable) {
    byTable = new Map();
    pools.set(db, byTable);
  }
  let pool = byTable.get(table);
  if (!pool) {
    pool = { ids: [], refill: null };
    byTable.set(table, pool);
  }
  return pool;
}

/** The next id of `table`'s identity column `id`. `db` is the database, not a transaction: a block outlives any one transaction. */
export async function reserveId(db: Executor, table: string): Promise<number> {
  const pool = poolOf(db, table);
  for (;;) {
    const id = pool.ids.shift();
    if (id !== undefined) return id;
    // One refill at a time: concurrent callers wait for it rather than each taking a block.
    pool.refill ??= (async () => {
      try {
        const result = (await db.execute(
          sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::text as id from generate_series(1, ${BLOCK})`,
        )) as unknown as {
          rows: { id: string }[];
        };
        pool.ids.push(...result.rows.map((r) => Number(r.id)));
      } finally {
        pool.refill = null;
      }
    })();
    await pool.refill;
  }
}

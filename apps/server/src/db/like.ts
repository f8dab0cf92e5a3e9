import { count, like } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/** Escapes LIKE's wildcards so a user's search text matches literally (a "%" or "_" finds itself). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** How many rows of `table` have `column`, a unit code, inside `unitCode`'s subtree (a prefix range on its index). */
export async function countInSubtree(db: Executor, table: PgTable, column: PgColumn, unitCode: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(table as PgTable)
    .where(like(column, `${escapeLike(unitCode)}%`));
  return row?.n ?? 0;
}

import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { units } from '../modules/org/tables';
import { inTransaction } from '../platform/context';
import { TEST_DB } from '../test/databases';
import { useTestApp } from '../test/harness';

const t = useTestApp({ demo: false });

describe.skipIf(TEST_DB !== 'postgres')('server-side prepared statements (db/statement-cache.ts)', () => {
  it('a query sent a few times on a connection becomes a named prepared statement there', async () => {
    const named = await inTransaction(t.systemCtx(), async (tx) => {
      // One transaction is one connection: the fourth run finds the statement prepared on it.
      for (let i = 0; i < 4; i++)
        await tx.db
          .select({ code: units.code })
          .from(units)
          .where(eq(units.code, `53030${i}`));
      const r = (await tx.db.execute(sql`select name, statement from pg_prepared_statements where name like 'jiceng_%'`)) as unknown as {
        rows: { name: string; statement: string }[];
      };
      return r.rows;
    });
    expect(named.some((s) => s.statement.includes('from "units" where "units"."code" = $1'))).toBe(true);
  });
});

import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../modules/audit/service';
import { auditEvents } from '../modules/audit/tables';
import { inTransaction } from '../platform/context';
import { useTestApp } from '../test/harness';
import { attachDeferredWrites } from './deferred';
import { deferWrite } from './prebuilt';

const t = useTestApp({ demo: false });

async function audited(action: string): Promise<number> {
  const rows = await t.database.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, action));
  return rows.length;
}

describe('deferred writes in a transaction (db/deferred.ts)', () => {
  it('are seen by the statements that follow them in the transaction', async () => {
    const seen = await inTransaction(t.systemCtx(), async (tx) => {
      await recordAudit(tx, { action: 'test.seen', entityType: 'test' });
      expect(tx.writes?.pending).toBe(true);
      const rows = await tx.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, 'test.seen'));
      expect(tx.writes?.pending).toBe(false);
      return rows.length;
    });
    expect(seen).toBe(1);
    expect(await audited('test.seen')).toBe(1);
  });

  it('commit together with the change, or not at all when one of them fails', async () => {
    await expect(
      inTransaction(t.systemCtx(), async (tx) => {
        await recordAudit(tx, { action: 'test.atomic', entityType: 'test' });
        // entity_type is NOT NULL: this deferred write fails when the queue is sent, at the end.
        await deferWrite(tx, sql`insert into ${auditEvents} (at, action, entity_type) values (now(), 'test.atomic', null)`);
        expect(tx.writes?.pending).toBe(true);
      }),
    ).rejects.toThrow();
    expect(await audited('test.atomic')).toBe(0);
  });

  it('of a savepoint that fails are forgotten, and the outer transaction goes on', async () => {
    await inTransaction(t.systemCtx(), async (tx) => {
      await recordAudit(tx, { action: 'test.outer', entityType: 'test' });
      await inTransaction(tx, async (inner) => {
        await recordAudit(inner, { action: 'test.inner', entityType: 'test' });
        throw new Error('inner fails');
      }).catch(() => undefined);
      await recordAudit(tx, { action: 'test.after', entityType: 'test' });
    });
    expect([await audited('test.outer'), await audited('test.inner'), await audited('test.after')]).toEqual([1, 0, 1]);
  });

  it('share one queue per transaction, however many savepoints a job opens on it', async () => {
    await t.database.db.transaction(async (db) => {
      const job = { ...t.systemCtx(), db };
      for (let i = 0; i < 3; i++)
        await inTransaction(job, async (tx) => {
          await recordAudit(tx, { action: 'test.job', entityType: 'test' });
          expect(tx.writes).toBe(attachDeferredWrites(db));
        });
    });
    expect(await audited('test.job')).toBe(3);
  });

  it('run at once outside a transaction', async () => {
    await recordAudit(t.systemCtx(), { action: 'test.direct', entityType: 'test' });
    expect(await audited('test.direct')).toBe(1);
  });
});

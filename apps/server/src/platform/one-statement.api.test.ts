import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reserveId } from '../db/id-pool';
import { deferWrite } from '../db/prebuilt';
import { recordAudit } from '../modules/audit/service';
import { auditEvents } from '../modules/audit/tables';
import { createMatter } from '../modules/matters/report';
import { findMatter } from '../modules/matters/repository';
import { DIHE_G1 } from '../test/factories';
import { useTestApp } from '../test/harness';
import { inTransaction } from './context';
import { inOneStatement } from './one-statement';

const t = useTestApp();

async function audited(action: string): Promise<number> {
  const rows = await t.database.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, action));
  return rows.length;
}

describe('a one-statement unit of work (platform/one-statement.ts)', () => {
  it('writes everything it queued, at its end, with no transaction around it', async () => {
    await inOneStatement(t.systemCtx(), async (unit) => {
      await recordAudit(unit, { action: 'test.one.a', entityType: 'test' });
      await recordAudit(unit, { action: 'test.one.b', entityType: 'test' });
      expect(unit.writes?.pending).toBe(true);
      // Reads are allowed, and see only what was committed before the unit.
      expect((await unit.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, 'test.one.a'))).length).toBe(0);
    });
    expect([await audited('test.one.a'), await audited('test.one.b')]).toEqual([1, 1]);
  });

  it('writes nothing when one of its writes fails', async () => {
    await expect(
      inOneStatement(t.systemCtx(), async (unit) => {
        await recordAudit(unit, { action: 'test.one.atomic', entityType: 'test' });
        // entity_type is NOT NULL: the one statement fails as a whole.
        await deferWrite(unit, sql`insert into ${auditEvents} (at, action, entity_type) values (now(), 'test.one.atomic', null)`);
      }),
    ).rejects.toThrow();
    expect(await audited('test.one.atomic')).toBe(0);
  });

  it('refuses a write that does not go through its queue, and then writes nothing', async () => {
    await expect(
      inOneStatement(t.systemCtx(), async (unit) => {
        await recordAudit(unit, { action: 'test.one.direct', entityType: 'test' });
        await unit.db.insert(auditEvents).values({ at: new Date(), action: 'test.one.direct', entityType: 'test' });
      }),
    ).rejects.toThrow(/one-statement unit of work/);
    expect(await audited('test.one.direct')).toBe(0);
  });

  it('joins a transaction it is called in: its writes commit or roll back with it', async () => {
    await expect(
      inTransaction(t.systemCtx(), async (tx) => {
        await inOneStatement(tx, (unit) => recordAudit(unit, { action: 'test.one.joined', entityType: 'test' }));
        throw new Error('the transaction fails after the unit');
      }),
    ).rejects.toThrow('the transaction fails');
    expect(await audited('test.one.joined')).toBe(0);
  });
});

describe('ids reserved up front (db/id-pool.ts)', () => {
  it('are distinct under concurrent callers and come from the table sequence', async () => {
    const ids = await Promise.all(Array.from({ length: 45 }, () => reserveId(t.database.db, 'audit_events')));
    expect(new Set(ids).size).toBe(45);
    // A row inserted with the sequence's own next value lands above every reserved id.
    await recordAudit(t.systemCtx(), { action: 'test.after-pool', entityType: 'test' });
    const [row] = await t.database.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, 'test.after-pool'));
    expect(Number(row?.id)).toBeGreaterThan(Math.max(...ids));
  });
});

describe('the report as one statement', () => {
  it('knows the new matter exactly as the database holds it, without reading it back', async () => {
    const built = await createMatter(t.systemCtx(), {
      unitCode: DIHE_G1,
      categoryCode: 'infrastructure',
      description: '村口的路灯坏了三盏',
      reporterKind: 'resident',
      reporterUserId: null,
      reporterName: '张三',
      reporterPhone: '13800138000',
      lat: 25.6,
      lng: 103.8,
      initialState: 'reported',
    });
    expect(await findMatter(t.database.db, built.id)).toEqual(built);
  });
});

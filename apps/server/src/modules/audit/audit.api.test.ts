import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ctxAs, DIHE_G1 } from '../../test/factories';
import { useTestApp } from '../../test/harness';
import { findHousehold } from '../households/lookup';
import { createHousehold } from '../households/write';
import { inTransaction } from '../../platform/context';
import { auditEvents } from './tables';

const t = useTestApp();

describe('the audit log', () => {
  it('records a write with who, what, before/after and from where, in the same transaction', async () => {
    const cookie = await t.login('village');
    const zone = (await t.request({ method: 'GET', url: '/api/units/530303203211', cookie })).json().children[1];
    await t.request({ method: 'PATCH', url: `/api/units/${zone.code}`, cookie, payload: { name: '河边片' }, remoteAddress: '10.1.2.3' });
    const log = (await t.request({ method: 'GET', url: `/api/audit?entityId=${zone.code}&action=unit.rename`, cookie: await t.login('admin') })).json();
    expect(log.items[0]).toMatchObject({
      actorName: 'village',
      action: 'unit.rename',
      unitCode: zone.code,
      before: { name: '第二片' },
      after: { name: '河边片' },
      ip: '10.1.2.3',
    });
  });

  it('rolls back the change and its audit row together when a later step of the same call fails', async () => {
    const address = '地河村回滚测试 1 号';
    const seen: { household?: number; audit?: number } = {};
    const ctx = await ctxAs(t, 'village');
    // The register's service runs inside a caller's transaction (a savepoint), which then fails:
    // by then the household and its audit row are written, and both must go.
    const failed = inTransaction(ctx, async (tx) => {
      const created = await createHousehold(tx, { unitCode: DIHE_G1, address, tier: 'blue', residents: [{ name: '回滚户主', relation: '户主' }] });
      const h = await findHousehold(tx, created.id);
      const [a] = await tx.db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'household.create'), eq(auditEvents.entityId, String(created.id))));
      seen.household = h?.household.id;
      seen.audit = a?.id;
      throw new Error('a later step fails');
    });
    await expect(failed).rejects.toThrow('a later step fails');
    expect(seen.household).toBeDefined();
    expect(seen.audit).toBeDefined();
    expect(await findHousehold(t.systemCtx(), seen.household as number)).toBeNull();
    const [a] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.id, seen.audit as number));
    expect(a).toBeUndefined();
  });

  it('writes nothing, not even the audit row, when the change is refused', async () => {
    const admin = await t.login('admin');
    const before = (await t.request({ method: 'GET', url: '/api/audit?action=unit.create', cookie: admin })).json().items.length;
    const cookie = await t.login('village');
    const res = await t.request({ method: 'POST', url: '/api/units', cookie, payload: { parentCode: '530303203211', name: '第一片' } });
    expect(res.statusCode).toBe(409);
    const after = (await t.request({ method: 'GET', url: '/api/audit?action=unit.create', cookie: admin })).json().items.length;
    expect(after).toBe(before);
  });

  it('is append-only at the database level', async () => {
    await expect(t.database.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });

  it("is closed to roles without audit:read and limited to the viewer's subtree", async () => {
    expect((await t.request({ method: 'GET', url: '/api/audit', cookie: await t.login('village') })).statusCode).toBe(403);
    const sup = (await t.request({ method: 'GET', url: '/api/audit', cookie: await t.login('supervisor') })).json();
    expect(sup.items.every((e: { unitCode: string | null }) => e.unitCode?.startsWith('530303'))).toBe(true);
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';

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

  it('writes nothing, not even the audit row, when the change fails', async () => {
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

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAdmin } from './create-admin';
import { auditEvents } from './modules/audit/tables';
import { users } from './modules/accounts/tables';
import { importDivisions } from './modules/org/import-divisions';
import { divisionsDir } from './modules/org/data';
import { useTestApp } from './test/harness';

// A production database: no demo accounts, no units.
const t = useTestApp({ demo: false });
const PASSWORD = 'first-Admin-1';

describe('create-admin (CLI)', () => {
  it('creates the first administrator on an empty database, who logs in and must change the password', async () => {
    expect(await t.database.db.select().from(users)).toEqual([]);
    const { id, role } = await createAdmin(t.systemCtx(), { username: 'root', password: PASSWORD, name: '系统管理员' });
    expect(role).toBe('admin');
    const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'root', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ userId: id, username: 'root', displayName: '系统管理员', role: 'admin', unitCode: null, mustChangePassword: true });
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.create'));
    expect(audit).toMatchObject([{ entityId: String(id), actorName: null, after: { username: 'root', role: 'admin' } }]);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it('refuses an existing username, changing nothing', async () => {
    await expect(createAdmin(t.systemCtx(), { username: 'root', password: 'another-Pass-2' })).rejects.toThrow('user root exists already');
    expect(await t.database.db.select({ id: users.id }).from(users)).toHaveLength(1);
  });

  it('allows a second administrator under another name (recovering a locked-out one)', async () => {
    await createAdmin(t.systemCtx(), { username: 'root2', password: PASSWORD });
    expect((await t.database.db.select({ role: users.role }).from(users)).map((u) => u.role)).toEqual(['admin', 'admin']);
  });

  it('refuses missing, weak or malformed input before touching the database', async () => {
    const ctx = t.systemCtx();
    await expect(createAdmin(ctx, { username: 'x1' } as never)).rejects.toThrow('create-admin needs --username and --password');
    await expect(createAdmin(ctx, { username: 'a b', password: PASSWORD })).rejects.toThrow(/--username must be/);
    await expect(createAdmin(ctx, { username: 'weak', password: 'password' })).rejects.toThrow(/--password: at least 10 characters/);
    await expect(createAdmin(ctx, { username: 'weak', password: 'Password123' })).rejects.toThrow(/--password: this password is too common/);
    await expect(createAdmin(ctx, { username: 'boss', password: PASSWORD, role: 'king' })).rejects.toThrow(/--role must be one of admin/);
    await expect(createAdmin(ctx, { username: 'dept', password: PASSWORD, role: 'department', unit: '530303' })).rejects.toThrow(/--role must be/);
    await expect(createAdmin(ctx, { username: 'dist', password: PASSWORD, role: 'district' })).rejects.toThrow('--role district needs --unit (a district)');
    await expect(createAdmin(ctx, { username: 'dist', password: PASSWORD, role: 'district', unit: '530303203' })).rejects.toThrow(/is not a district code/);
    await expect(createAdmin(ctx, { username: 'dist', password: PASSWORD, role: 'district', unit: '530303' })).rejects.toThrow(/no such unit/);
    expect(await t.database.db.select({ id: users.id }).from(users)).toHaveLength(2);
  });

  it('binds another role to an imported unit', async () => {
    await importDivisions(t.systemCtx(), [`${divisionsDir()}/530303.csv`]);
    const { role } = await createAdmin(t.systemCtx(), { username: 'zhanyi', password: PASSWORD, role: 'district', unit: '530303' });
    expect(role).toBe('district');
    const [row] = await t.database.db.select().from(users).where(eq(users.username, 'zhanyi'));
    expect(row).toMatchObject({ role: 'district', unitCode: '530303', mustChangePassword: true });
  });
});

import { describe, expect, it } from 'vitest';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from './sessions';
import { useTestApp } from '../../test/harness';

const t = useTestApp();

const login = (username: string, password: string) => t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login and sessions', () => {
  it('logs in with an httpOnly cookie and answers /me with unit and permissions', async () => {
    const res = await login('township', 'jiceng-demo');
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/jiceng_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    const cookie = setCookie.split(';')[0] as string;
    const me = await t.request({ method: 'GET', url: '/api/auth/me', cookie });
    expect(me.json()).toMatchObject({ username: 'township', role: 'township', unitCode: '530303203', unitName: '大坡乡', demo: true });
    expect(me.json().permissions).toContain('matter:dispatch');
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = await login('village', 'nope-nope-1');
    const nobody = await login('no-such-user', 'nope-nope-1');
    expect(wrong.statusCode).toBe(401);
    expect(nobody.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('LOGIN_FAILED');
    expect(nobody.json().error.message).toBe(wrong.json().error.message);
  });

  it('locks an account after repeated failures, and the lock expires', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await login('supervisor', 'wrong-pass-1')).statusCode).toBe(401);
    const locked = await login('supervisor', 'wrong-pass-1');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await login('supervisor', 'jiceng-demo')).statusCode).toBe(423);
    t.clock.advance((LOCK_MINUTES + 1) * 60_000);
    expect((await login('supervisor', 'jiceng-demo')).statusCode).toBe(200);
  });

  it('says the session expired, and logout ends it', async () => {
    const cookie = String((await login('groupLeader', 'jiceng-demo')).headers['set-cookie']).split(';')[0] as string;
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(200);
    t.clock.advance(13 * 3600_000);
    const expired = await t.request({ method: 'GET', url: '/api/auth/me', cookie });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
    const fresh = String((await login('groupLeader', 'jiceng-demo')).headers['set-cookie']).split(';')[0] as string;
    await t.request({ method: 'POST', url: '/api/auth/logout', cookie: fresh });
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: fresh })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/auth/me' })).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('changes a password: the old one stops working, other sessions end', async () => {
    const a = String((await login('zoneLeader', 'jiceng-demo')).headers['set-cookie']).split(';')[0] as string;
    const b = String((await login('zoneLeader', 'jiceng-demo')).headers['set-cookie']).split(';')[0] as string;
    const weak = await t.request({ method: 'POST', url: '/api/auth/password', cookie: a, payload: { currentPassword: 'jiceng-demo', newPassword: 'short' } });
    expect(weak.json().error).toMatchObject({ code: 'PASSWORD_WEAK', field: 'newPassword' });
    const wrong = await t.request({ method: 'POST', url: '/api/auth/password', cookie: a, payload: { currentPassword: 'nope', newPassword: 'new-pass-2026' } });
    expect(wrong.json().error).toMatchObject({ code: 'PASSWORD_WRONG', field: 'currentPassword' });
    const ok = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      cookie: a,
      payload: { currentPassword: 'jiceng-demo', newPassword: 'new-pass-2026' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: a })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: b })).statusCode).toBe(401);
    expect((await login('zoneLeader', 'jiceng-demo')).statusCode).toBe(401);
    expect((await login('zoneLeader', 'new-pass-2026')).statusCode).toBe(200);
  });
});

describe('user management', () => {
  it('lets a village cadre create a representative in its village, never elsewhere or above itself', async () => {
    const cookie = await t.login('village');
    const base = { displayName: '刘代表', password: 'rep-pass-01', role: 'representative', phone: '13800001111' };
    const ok = await t.request({ method: 'POST', url: '/api/users', cookie, payload: { ...base, username: 'liu-rep', unitCode: '5303032032110101' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ role: 'representative', unitName: '地河一组' });
    const outside = await t.request({ method: 'POST', url: '/api/users', cookie, payload: { ...base, username: 'x-rep', unitCode: '530303203201' } });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.field).toBe('unitCode');
    const above = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie,
      payload: { ...base, username: 'x-town', role: 'township', unitCode: '530303203' },
    });
    expect(above.statusCode).toBe(403);
    expect(above.json().error.code).toBe('ROLE_NOT_ALLOWED');
    const dup = await t.request({ method: 'POST', url: '/api/users', cookie, payload: { ...base, username: 'liu-rep', unitCode: '5303032032110101' } });
    expect(dup.json().error).toMatchObject({ code: 'USERNAME_TAKEN', field: 'username' });
    const badPhone = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie,
      payload: { ...base, username: 'y-rep', unitCode: '5303032032110101', phone: '12345' },
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.field).toBe('phone');
    const wrongLevel = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie,
      payload: { ...base, username: 'z-gl', role: 'groupLeader', unitCode: '530303203211' },
    });
    expect(wrongLevel.json().error).toMatchObject({ code: 'ROLE_UNIT_MISMATCH', field: 'unitCode' });
  });

  it('lists only accounts in scope', async () => {
    const village = (await t.request({ method: 'GET', url: '/api/users', cookie: await t.login('village') })).json();
    expect(village.items.every((u: { unitCode: string }) => u.unitCode.startsWith('530303203211'))).toBe(true);
    const admin = (await t.request({ method: 'GET', url: '/api/users', cookie: await t.login('admin') })).json();
    expect(admin.total).toBeGreaterThan(village.total);
  });

  it('disables an account and ends its sessions', async () => {
    const rep = await t.login('representative');
    const cookie = await t.login('village');
    const list = (await t.request({ method: 'GET', url: '/api/users?role=representative&q=representative', cookie })).json();
    const id = list.items[0].id;
    const res = await t.request({ method: 'PATCH', url: `/api/users/${id}`, cookie, payload: { status: 'disabled' } });
    expect(res.json().status).toBe('disabled');
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: rep })).statusCode).toBe(401);
    expect((await login('representative', 'jiceng-demo')).json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('creates department accounts only for an existing department of that unit', async () => {
    const cookie = await t.login('district');
    const depts = (await t.request({ method: 'GET', url: '/api/departments', cookie })).json();
    const water = depts.find((d: { name: string }) => d.name === '区水务局');
    const base = { displayName: '水务局办事员', password: 'dept-pass-01', role: 'department', unitCode: '530303' };
    expect((await t.request({ method: 'POST', url: '/api/users', cookie, payload: { ...base, username: 'water1' } })).json().error.field).toBe('departmentId');
    const ok = await t.request({ method: 'POST', url: '/api/users', cookie, payload: { ...base, username: 'water1', departmentId: water.id } });
    expect(ok.json()).toMatchObject({ departmentName: '区水务局' });
    const deptCookie = String((await login('water1', 'dept-pass-01')).headers['set-cookie']).split(';')[0] as string;
    expect((await t.request({ method: 'GET', url: '/api/users', cookie: deptCookie })).statusCode).toBe(403);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config';
import { DIHE_G1, DIHE_G2, DIHE_G3, freshLogin } from '../../test/factories';
import { useTestApp } from '../../test/harness';
import { ADDRESS_FREE_FAILURES, PAIR_FREE_FAILURES } from './throttle';

const t = useTestApp();
const SESSION_MS = loadConfig({}).sessionHours * 3600_000;

const login = (username: string, password: string) => t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0] as string;
/** The session cookie's expiry as the browser would read it; null when the answer sets none. */
function cookieExpiry(res: { headers: Record<string, unknown> }): number | null {
  const raw = res.headers['set-cookie'];
  if (raw === undefined) return null;
  const m = /;\s*Expires=([^;]+)/i.exec(String(raw));
  return m ? Date.parse(m[1] as string) : null;
}
const me = (cookie: string) => t.request({ method: 'GET', url: '/api/auth/me', cookie });

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
    expect(wrong.json().error).toMatchObject({ code: 'LOGIN_FAILED', field: 'password' });
    expect(nobody.json().error).toMatchObject({ code: 'LOGIN_FAILED', field: 'password' });
    expect(nobody.json().error.message).toBe(wrong.json().error.message);
  });

  it('throttles wrong guesses per account and address: the owner from another address still gets in', async () => {
    const from = (ip: string, password: string) =>
      t.request({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: 'supervisor', password } });
    for (let i = 0; i <= PAIR_FREE_FAILURES; i++) expect((await from('10.1.0.1', `wrong-pass-${i}`)).statusCode).toBe(401);
    // The guesser now waits, even with the right password ...
    const held = await from('10.1.0.1', 'jiceng-demo');
    expect(held.statusCode).toBe(429);
    expect(held.json().error).toMatchObject({ code: 'LOGIN_THROTTLED', zh: '密码错误次数过多，请在 1 秒后再试' });
    // ... and each further miss doubles the wait,
    t.clock.advance(1_000);
    expect((await from('10.1.0.1', 'wrong-again-1')).statusCode).toBe(401);
    expect((await from('10.1.0.1', 'jiceng-demo')).json().error.en).toBe('Too many wrong passwords; try again in 2 seconds');
    t.clock.advance(2_000);
    expect((await from('10.1.0.1', 'wrong-again-2')).statusCode).toBe(401);
    expect((await from('10.1.0.1', 'jiceng-demo')).json().error.en).toContain('in 4 seconds');
    // ... while the owner, from their own address, logs in at once: the account itself is never locked.
    expect((await from('10.1.0.2', 'jiceng-demo')).statusCode).toBe(200);
    t.clock.advance(4_000);
    expect((await from('10.1.0.1', 'jiceng-demo')).statusCode).toBe(200);
    // A right password starts that pair afresh.
    expect((await from('10.1.0.1', 'wrong-pass-x')).statusCode).toBe(401);
  });

  it('counts parallel wrong guesses before checking them: only the free allowance is ever answered, and the audit shows each', async () => {
    const id = (await me(await freshLogin(t, 'department'))).json().userId;
    const guesses = await Promise.all(
      Array.from({ length: PAIR_FREE_FAILURES * 3 }, (_, i) =>
        t.request({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.2.0.1', payload: { username: 'department', password: `wrong-pass-${i}` } }),
      ),
    );
    const codes = guesses.map((r) => r.json().error.code);
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(PAIR_FREE_FAILURES + 1);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED')).toHaveLength(PAIR_FREE_FAILURES * 2 - 1);
    const admin = await freshLogin(t, 'admin');
    const audit = async (action: string) =>
      (await t.request({ method: 'GET', url: `/api/audit?entityType=user&entityId=${id}&action=${action}`, cookie: admin })).json().items;
    expect(await audit('auth.loginFailed')).toHaveLength(PAIR_FREE_FAILURES + 1);
    // The account answers the right password from anywhere else.
    const right = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.2.0.2',
      payload: { username: 'department', password: 'jiceng-demo' },
    });
    expect(right.statusCode).toBe(200);
  });

  it('throttles one address guessing at many accounts', async () => {
    for (let i = 0; i <= ADDRESS_FREE_FAILURES; i++) {
      const res = await t.request({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.3.0.1',
        payload: { username: `nobody-${i}`, password: 'wrong-pass-1' },
      });
      expect(res.statusCode).toBe(401);
    }
    const next = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.3.0.1',
      payload: { username: 'township', password: 'jiceng-demo' },
    });
    expect(next.json().error.code).toBe('LOGIN_THROTTLED');
    const elsewhere = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.3.0.2',
      payload: { username: 'township', password: 'jiceng-demo' },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('counts wrong current passwords of the password change as wrong logins', async () => {
    const village = await freshLogin(t, 'village');
    const payload = { username: 'guessed-rep', displayName: '被猜代表', password: 'given-pass-2026', role: 'representative', unitCode: DIHE_G3 };
    expect((await t.request({ method: 'POST', url: '/api/users', cookie: village, payload })).statusCode).toBe(201);
    const cookie = await freshLogin(t, 'guessed-rep', 'given-pass-2026');
    const change = (currentPassword: string) =>
      t.request({ method: 'POST', url: '/api/auth/password', cookie, remoteAddress: '10.4.0.1', payload: { currentPassword, newPassword: 'Own-pass-2026' } });
    for (let i = 0; i <= PAIR_FREE_FAILURES; i++) expect((await change(`guess-${i}`)).json().error.code).toBe('PASSWORD_WRONG');
    const held = await change('given-pass-2026');
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('LOGIN_THROTTLED');
    t.clock.advance(1_000);
    expect((await change('given-pass-2026')).statusCode).toBe(200);
    const admin = await freshLogin(t, 'admin');
    const id = (await me(cookie)).json().userId;
    const wrong = await t.request({ method: 'GET', url: `/api/audit?entityType=user&entityId=${id}&action=auth.passwordWrong`, cookie: admin });
    expect(wrong.json().items).toHaveLength(PAIR_FREE_FAILURES + 1);
  });

  it("slides an active session's cookie with its expiry, and an idle one still expires", async () => {
    const res = await login('township', 'jiceng-demo');
    const cookie = cookieOf(res);
    expect(cookieExpiry(res)).toBe(t.clock.now().getTime() + SESSION_MS);
    // Within a few minutes nothing is extended, so nothing is re-sent.
    t.clock.advance(60_000);
    const soon = await me(cookie);
    expect(soon.statusCode).toBe(200);
    expect(soon.headers['set-cookie']).toBeUndefined();
    // Active after half the lifetime: the same token comes back with the later expiry.
    t.clock.advance(SESSION_MS / 2);
    const later = await me(cookie);
    expect(cookieOf(later)).toBe(cookie);
    expect(String(later.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(cookieExpiry(later)).toBe(t.clock.now().getTime() + SESSION_MS);
    // Past the login's own expiry, still in (and renewed again): the browser's cookie kept pace.
    t.clock.advance(SESSION_MS * 0.75);
    const past = await me(cookie);
    expect(past.statusCode).toBe(200);
    expect(cookieExpiry(past)).toBe(t.clock.now().getTime() + SESSION_MS);
    // Idle for a whole lifetime: gone.
    t.clock.advance(SESSION_MS + 60_000);
    const idle = await me(cookie);
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('SESSION_EXPIRED');
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
    const deptCookie = cookieOf(await login('water1', 'dept-pass-01'));
    const payload = { currentPassword: 'dept-pass-01', newPassword: 'dept-pass-02' };
    expect((await t.request({ method: 'POST', url: '/api/auth/password', cookie: deptCookie, payload })).statusCode).toBe(200);
    const users = await t.request({ method: 'GET', url: '/api/users', cookie: deptCookie });
    expect(users.json().error.code).toBe('FORBIDDEN');
  });

  it('lets a new or reset account do nothing but change its password, log out and read /me', async () => {
    const village = await t.login('village');
    const created = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie: village,
      payload: { username: 'new-rep', displayName: '新代表', password: 'first-pass-1', role: 'representative', unitCode: DIHE_G1 },
    });
    const id = created.json().id;
    const cookie = cookieOf(await login('new-rep', 'first-pass-1'));
    expect((await me(cookie)).json()).toMatchObject({ username: 'new-rep', mustChangePassword: true });
    const households = () => t.request({ method: 'GET', url: '/api/households', cookie });
    const refused = await households();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const write = await t.request({ method: 'POST', url: '/api/matters', cookie, payload: {} });
    expect(write.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const change = { currentPassword: 'first-pass-1', newPassword: 'own-pass-2026' };
    expect((await t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: change })).statusCode).toBe(200);
    expect((await me(cookie)).json().mustChangePassword).toBe(false);
    expect((await households()).statusCode).toBe(200);

    // A reset by the village starts over: the reset password only opens the change.
    const reset = await t.request({ method: 'PATCH', url: `/api/users/${id}`, cookie: village, payload: { password: 'reset-pass-3' } });
    expect(reset.statusCode).toBe(200);
    const again = cookieOf(await login('new-rep', 'reset-pass-3'));
    expect((await t.request({ method: 'GET', url: '/api/households', cookie: again })).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.request({ method: 'POST', url: '/api/auth/logout', cookie: again })).statusCode).toBe(200);
    expect((await me(again)).statusCode).toBe(401);
  });

  it("refuses to change one's own password without the current one", async () => {
    const cookie = await t.login('village');
    const self = (await me(cookie)).json().userId;
    const res = await t.request({ method: 'PATCH', url: `/api/users/${self}`, cookie, payload: { password: 'no-check-2026' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'OWN_PASSWORD_VIA_CHANGE', field: 'password' });
    expect((await login('village', 'no-check-2026')).statusCode).toBe(401);
    expect((await login('village', 'jiceng-demo')).statusCode).toBe(200);
  });

  it('audits where an appointed leader came from', async () => {
    const cookie = await t.login('village');
    const created = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie,
      payload: { username: 'mover-gl', displayName: '调动组长', password: 'mover-pass-1', role: 'groupLeader', unitCode: DIHE_G2 },
    });
    const id = created.json().id;
    expect((await t.request({ method: 'PUT', url: `/api/units/${DIHE_G3}/leader`, cookie, payload: { userId: id } })).statusCode).toBe(200);
    const log = (await t.request({ method: 'GET', url: `/api/audit?entityType=user&entityId=${id}&action=user.move`, cookie: await t.login('admin') })).json();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ before: { unitCode: DIHE_G2 }, after: { unitCode: DIHE_G3 } });
  });
});

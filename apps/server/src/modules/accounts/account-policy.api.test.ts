import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config';
import { DIHE_G1, freshLogin } from '../../test/factories';
import { useTestApp } from '../../test/harness';

const t = useTestApp();
const config = loadConfig({});
const IDLE_MS = config.sessionHours * 3600_000;
const MAX_MS = config.sessionMaxHours * 3600_000;

const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0] as string;
const me = (cookie: string) => t.request({ method: 'GET', url: '/api/auth/me', cookie });

describe('password policy', () => {
  it('refuses weak passwords on creation, reset and change, naming the field in both languages', async () => {
    const village = await freshLogin(t, 'village');
    const create = (username: string, password: string) =>
      t.request({
        method: 'POST',
        url: '/api/users',
        cookie: village,
        payload: { username, displayName: '测试代表', password, role: 'representative', unitCode: DIHE_G1 },
      });
    const short = await create('policy-rep', 'abc-12345');
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({
      code: 'PASSWORD_WEAK',
      field: 'password',
      zh: 'password：密码至少 10 位',
      en: 'password: at least 10 characters',
    });
    expect((await create('policy-rep', 'abcdefghijkl')).json().error.en).toBe(
      'password: use at least two kinds of characters (lower case, upper case, digits, symbols)',
    );
    expect((await create('policy-rep', 'Woaini 1314')).json().error.zh).toBe('password：该密码过于常见，容易被猜中，请换一个');
    expect((await create('policy-rep', 'Policy-rep-2026')).json().error.en).toBe('password: the password must not contain the username');
    const made = await create('policy-rep', 'Village-rep-2026');
    expect(made.statusCode).toBe(201);
    const id = made.json().id;

    const reset = await t.request({ method: 'PATCH', url: `/api/users/${id}`, cookie: village, payload: { password: 'password123' } });
    expect(reset.json().error).toMatchObject({ code: 'PASSWORD_WEAK', field: 'password' });
    expect(reset.json().error.en).toContain('too common');

    const own = await freshLogin(t, 'policy-rep', 'Village-rep-2026');
    const change = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      cookie: own,
      payload: { currentPassword: 'Village-rep-2026', newPassword: 'jiceng-2026' },
    });
    expect(change.json().error).toMatchObject({
      code: 'PASSWORD_WEAK',
      field: 'newPassword',
      en: 'newPassword: this password is too common and easily guessed; choose another',
    });
    // Existing (demo) passwords still log in: the policy applies where a password is set.
    expect((await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'township', password: 'jiceng-demo' } })).statusCode).toBe(200);
  });

  it('refuses zero-width and text-direction characters in display names', async () => {
    const village = await freshLogin(t, 'village');
    for (const name of ['张\u200b三', '\u202e三张', '李\ufeff四']) {
      const res = await t.request({
        method: 'POST',
        url: '/api/users',
        cookie: village,
        payload: { username: 'ctl-rep', displayName: name, password: 'Control-rep-2026', role: 'representative', unitCode: DIHE_G1 },
      });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'displayName', en: 'no invisible zero-width or text-direction characters' });
    }
  });
});

describe('session lifetime', () => {
  it('ends a session at its absolute lifetime however active it stays', async () => {
    const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'supervisor', password: 'jiceng-demo' } });
    const cookie = cookieOf(login);
    const start = t.clock.now().getTime();
    // Used every few idle-halves: the idle lifetime alone would keep it for ever.
    const expiries: number[] = [];
    while (t.clock.now().getTime() + IDLE_MS / 2 < start + MAX_MS) {
      t.clock.advance(IDLE_MS / 2);
      const res = await me(cookie);
      expect(res.statusCode).toBe(200);
      const sent = /Expires=([^;]+)/i.exec(String(res.headers['set-cookie'] ?? ''));
      if (sent) expiries.push(Date.parse(sent[1] as string));
    }
    // Its cookie slid along, but never promised more than the absolute end.
    expect(expiries.length).toBeGreaterThan(3);
    expect(Math.max(...expiries)).toBe(start + MAX_MS);
    t.clock.advance(start + MAX_MS - t.clock.now().getTime() + 1_000);
    const ended = await me(cookie);
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.code).toBe('SESSION_EXPIRED');
  });
});

// Test data builders. Households are inserted straight into the register's table (the register's
// service is not needed to test other modules); users go through the API like a cadre would.
// Additive: each module adds its own builders here.
import { households } from '../db/schema';
import { emitHouseholdChange } from '../modules/households/events';
import type { TestApp } from './harness';

export const DIHE = '530303203211';
export const DIHE_G1 = '5303032032110101';
export const DIHE_G2 = '5303032032110102';
export const DIHE_G3 = '5303032032110103';
export const DIHE_Z2_G1 = '5303032032110201';

let seq = 0;

export async function buildHousehold(t: TestApp, overrides: Partial<typeof households.$inferInsert> = {}) {
  seq += 1;
  const now = t.clock.now();
  const [row] = await t.database.db
    .insert(households)
    .values({ unitCode: DIHE_G1, address: `地河村 ${seq} 号`, headName: `户主${seq}`, tier: 'blue', createdAt: now, updatedAt: now, ...overrides })
    .returning();
  if (!row) throw new Error('household not inserted');
  // What the register's service tells other modules (visits keeps its due dates from it).
  await emitHouseholdChange(t.systemCtx(), { kind: 'create', households: [row] });
  // Its handlers run after commit; a builder hands back a household the others already know.
  await t.drainEvents();
  return row;
}

export const TEST_PASSWORD = 'test-pass-123';

/** Logs in afresh (t.login caches cookies, which expire once a test moves the clock on by days). */
export async function freshLogin(t: TestApp, username: string, password = 'jiceng-demo'): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw[0] : raw)?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** A representative account created by the village cadre (POST /api/users), logged in. */
export async function buildRepresentative(t: TestApp, overrides: { username?: string; displayName?: string; unitCode?: string; as?: string } = {}) {
  seq += 1;
  const username = overrides.username ?? `rep-${seq}-${Math.random().toString(36).slice(2, 7)}`;
  const res = await t.request({
    method: 'POST',
    url: '/api/users',
    cookie: await freshLogin(t, overrides.as ?? 'village'),
    payload: {
      username,
      displayName: overrides.displayName ?? `代表${seq}`,
      password: TEST_PASSWORD,
      role: 'representative',
      unitCode: overrides.unitCode ?? DIHE_G1,
    },
  });
  if (res.statusCode !== 201) throw new Error(`representative not created: ${res.statusCode} ${res.body}`);
  const user = res.json() as { id: number; username: string; unitCode: string };
  // A new account may do nothing else until it has changed its initial password (kept the same here).
  const first = await freshLogin(t, username, TEST_PASSWORD);
  const payload = { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD };
  const changed = await t.request({ method: 'POST', url: '/api/auth/password', cookie: first, payload });
  if (changed.statusCode !== 200) throw new Error(`initial password not changed: ${changed.statusCode} ${changed.body}`);
  return { ...user, cookie: () => freshLogin(t, username, TEST_PASSWORD) };
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server';

// Two app processes on one PostgreSQL must behave as one.
const ADMIN_URL = process.env.JICENG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `jiceng_e2e_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
const servers: RunningServer[] = [];

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${dbName} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  // Started together: migrations and the demo seed must run once, not race.
  const env = { DATABASE_URL: dbUrl, JICENG_DEMO: '1' };
  servers.push(...(await Promise.all([startServer(env), startServer(env)])));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'jiceng-demo' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

describe('two instances on one PostgreSQL', () => {
  it('both start on the same fresh database and report it', async () => {
    for (const s of servers) expect(await (await fetch(`${s.url}/api/health`)).json()).toEqual({ status: 'ok', db: 'postgres' });
  });

  it('share sessions: a login on one is valid on the other, a logout on one ends it on both', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const cookie = await login(a.url, 'village');
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).unitCode).toBe('530303203211');
    await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('seeded the demo once', async () => {
    const cookie = await login(servers[0]?.url as string, 'admin');
    const users = await (await fetch(`${servers[1]?.url}/api/users?role=village`, { headers: { cookie } })).json();
    expect(users.total).toBe(1);
  });
});

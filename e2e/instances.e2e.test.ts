import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { type FakeRobot, startRobot } from './robot';
import { type RunningServer, startServer } from './server';

// Two app processes on one PostgreSQL must behave as one: sessions, the seed, the escalation
// sweep and the outbox each handled exactly once. Both run their jobs every 250 ms.
const ADMIN_URL = process.env.JICENG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `jiceng_e2e_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
// The test's robot listens on this machine: allowed here explicitly, never by default (docs/security.md).
const BASE_ENV = {
  DATABASE_URL: dbUrl,
  JICENG_DEMO: '1',
  JICENG_DEMO_DISTRICT: '0',
  JICENG_JOBS_EVERY_MS: '250',
  JICENG_WEBHOOK_HOSTS: '127.0.0.1',
  JICENG_WEBHOOK_ALLOW_HTTP: '1',
  JICENG_WEBHOOK_ALLOW_PRIVATE: '1',
};
const VILLAGE = '530303203211';
const GROUP = '5303032032110101';
const FAIL_FIRST = '【先失败一次】';
const servers: RunningServer[] = [];
let robot: FakeRobot;
let db: pg.Client;

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

/** Starts both instances together (replacing any running ones); a loaded machine gets three minutes. */
async function startBoth(env: Record<string, string> = {}): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  const start = () => startServer({ ...BASE_ENV, ...env }, { timeoutMs: 180_000 });
  const started = await Promise.allSettled([start(), start()]);
  for (const r of started) if (r.status === 'fulfilled') servers.push(r.value);
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) throw new Error(`${failed.reason}\n${await sessionsNow()}`);
}

/** What the database's sessions are doing (to tell a slow start from one waiting on a lock). */
async function sessionsNow(): Promise<string> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows: sessions } = await client.query(
      `select pid, state, wait_event_type, wait_event, now() - xact_start as age, left(query, 120) as query
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    const { rows: waiting } = await client.query('select locktype, relation::regclass::text as rel, mode, pid from pg_locks where not granted');
    return JSON.stringify({ sessions, waiting }, null, 1);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${dbName} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  robot = await startRobot(FAIL_FIRST);
  // Started together: migrations and the demo seed must run once, not race.
  await startBoth();
  db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.end();
  await robot?.close();
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

async function rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(text, params)).rows as T[];
}

/** Polls `check` (a loaded machine may be slow) until it returns true or `timeoutMs` passes. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A resident reports through one instance; answers the matter's id. */
async function publicReport(url: string, description: string): Promise<number> {
  const res = await fetch(`${url}/api/public/matters`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // 安全隐患 is urgent by default: a 2-hour hand-over limit.
    body: JSON.stringify({ unitCode: GROUP, categoryCode: 'safety', description }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { trackingCode } = (await res.json()) as { trackingCode: string };
  const [m] = await rows<{ id: string }>('select id from matters where tracking_code = $1', [trackingCode]);
  return Number(m?.id);
}

type OutboxRow = { id: string; status: string; attempts: number; content: string };
const outboxRows = () => rows<OutboxRow>("select id, status, attempts, payload->'markdown'->>'content' as content from outbox order by id");

/** Every outbox message sent, each received exactly once with success, and no copy beyond its recorded attempts. */
async function expectDeliveredOnce(): Promise<OutboxRow[]> {
  await until('the outbox to drain', async () => (await outboxRows()).every((r) => r.status === 'sent'));
  const all = await outboxRows();
  const successes = robot.successes();
  for (const r of all) {
    const id = Number(r.id);
    expect(successes.get(id), `message ${id}`).toBe(1);
    expect(robot.hits.filter((h) => h.messageId === id).length, `copies of message ${id}`).toBe(r.attempts);
  }
  // Nothing arrived that is not an outbox row.
  expect(robot.hits.every((h) => all.some((r) => Number(r.id) === h.messageId))).toBe(true);
  return all;
}

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'jiceng-demo' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const overdueIds: number[] = [];

describe.sequential('two instances on one PostgreSQL', () => {
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
    // …and the sample register of 地河村 once, though both instances found it missing at start.
    const households = await (await fetch(`${servers[1]?.url}/api/households?unitCode=${VILLAGE}`, { headers: { cookie } })).json();
    expect(households.total).toBe(40);
    expect(await rows("select username from users where username like 'representative%' order by username")).toEqual([
      { username: 'representative' },
      { username: 'representative2' },
      { username: 'representative3' },
    ]);
  });

  it('deliver every outbox message exactly once between them, retrying one the robot refused', { timeout: 180_000 }, async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const village = await apiLogin(a.url, 'village');
    await village.post('/webhooks', { unitCode: VILLAGE, name: '地河村工作群', url: robot.url });
    const ids: number[] = [];
    // Reports through both instances; each enqueues one card for the village's robot.
    for (let i = 0; i < 6; i++) ids.push(await publicReport((i % 2 ? b : a).url, `${i === 0 ? FAIL_FIRST : ''}村道边第 ${i + 1} 处挡墙开裂，雨天有垮塌危险`));
    const cadre = await apiLogin(b.url, 'village');
    for (let i = 0; i < 2; i++) {
      const m = await cadre.post<{ id: number }>('/matters', {
        unitCode: GROUP,
        categoryCode: 'safety',
        urgency: 'urgent',
        description: `变压器旁电线老化冒火花（${i + 1}）`,
      });
      ids.push(m.id);
    }
    const all = await expectDeliveredOnce();
    expect(all.length).toBeGreaterThanOrEqual(ids.length);
    // The refused one: failed once, retried after its back-off, delivered once.
    const refused = all.filter((r) => r.content.includes(FAIL_FIRST));
    expect(refused).toHaveLength(1);
    expect(refused[0]?.attempts).toBe(2);
    expect(robot.hits.filter((h) => h.messageId === Number(refused[0]?.id)).map((h) => [h.attempt, h.ok])).toEqual([
      [1, false],
      [2, true],
    ]);
    overdueIds.push(...ids);
  });

  it('escalate each overdue matter exactly once when both sweep, three hours later', { timeout: 360_000 }, async () => {
    expect(overdueIds).toHaveLength(8);
    // Restarted with the clock three hours on: every matter above is past its 2-hour stage limit.
    await startBoth({ JICENG_CLOCK_OFFSET_MS: String(3 * 3_600_000) });
    // A restart seeds nothing again.
    expect(await rows('select count(*)::int as n from households')).toEqual([{ n: 40 }]);
    const escalations = () =>
      rows<{ matterId: string; n: number; automatic: number }>(
        `select matter_id as "matterId", count(*)::int as n, count(*) filter (where (data->>'automatic')::boolean)::int as automatic
           from matter_events where action = 'escalate' and matter_id = any($1) group by matter_id`,
        [overdueIds],
      );
    await until('every overdue matter to be escalated', async () => (await escalations()).length === overdueIds.length);
    // Both instances keep sweeping every 250 ms: give them a few more rounds to (wrongly) repeat it.
    await new Promise((r) => setTimeout(r, 3_000));
    for (const e of await escalations()) expect(e, `matter ${e.matterId}`).toMatchObject({ n: 1, automatic: 1 });
    // No matter anywhere (the demo sample included) was moved twice by the clock.
    expect(await rows("select matter_id from matter_events where actor_kind = 'system' group by matter_id having count(*) > 1")).toEqual([]);
    // One overdue notice per matter and person, not one per instance.
    const notices = await rows<{ entityId: string; n: number; people: number }>(
      `select entity_id as "entityId", count(*)::int as n, count(distinct user_id)::int as people
         from notifications where kind = 'matter.overdue' and entity_id = any($1) group by entity_id`,
      [overdueIds.map(String)],
    );
    expect(notices).toHaveLength(overdueIds.length);
    for (const n of notices) expect(n.n, `matter ${n.entityId}`).toBe(n.people);
    // And one 【诉求超期】 card per matter in the village chat, delivered once.
    const all = await expectDeliveredOnce();
    const codes = await rows<{ trackingCode: string }>('select tracking_code as "trackingCode" from matters where id = any($1)', [overdueIds]);
    for (const { trackingCode } of codes)
      expect(
        // A card names a matter by the code's last four characters only (the full code is the resident's receipt).
        all.filter((r) => r.content.includes('诉求超期') && r.content.includes(`尾号${trackingCode.slice(-4)}`)),
        trackingCode,
      ).toHaveLength(1);
  });
});

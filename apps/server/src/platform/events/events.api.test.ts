import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type MatterChanged, matterChanged } from '../../modules/matters/events';
import { useTestApp } from '../../test/harness';
import { eachEvent, eventHandler } from './define';

/** Raw SQL's rows (the drivers' results differ in type, not in `rows`). */
async function rowsOf<T>(db: { execute(q: SQL): Promise<unknown> }, q: SQL): Promise<{ rows: T[] }> {
  return (await db.execute(q)) as { rows: T[] };
}

// Handlers as a future module would write them: an ordinary transaction of their own, writes
// that are not SELECT, and sometimes a failure. Their table is the test's own.
let failing = false;
const writer = eventHandler<MatterChanged>({
  name: 'test.writer',
  event: matterChanged,
  handle: eachEvent(async (ctx, e) => {
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`insert into test_event_effects (handler, event_id, matter_id) values ('writer', ${e.eventId}, ${e.payload.matterId})`);
    });
  }),
});
const flaky = eventHandler<MatterChanged>({
  name: 'test.flaky',
  event: matterChanged,
  handle: eachEvent(async (ctx, e) => {
    // Writes first, then fails: the write must go with the failed attempt.
    await ctx.db.execute(sql`insert into test_event_effects (handler, event_id, matter_id) values ('flaky', ${e.eventId}, ${e.payload.matterId})`);
    if (failing) throw new Error(`refused ${e.payload.matterId}`);
  }),
});

const t = useTestApp({ extraHandlers: [writer, flaky] });
let ip = 0;
const report = (description: string) =>
  t.request({
    method: 'POST',
    url: '/api/public/matters',
    remoteAddress: `10.9.${Math.floor(ip / 200)}.${(ip++ % 200) + 1}`,
    payload: { unitCode: '5303032032110101', categoryCode: 'housing', description, reporterName: '张三', reporterPhone: '13800000001' },
  });
async function idOf(res: { json(): { trackingCode: string } }): Promise<number> {
  const rows = await rowsOf<{ id: number }>(t.database.db, sql`select id from matters where tracking_code = ${res.json().trackingCode}`);
  return Number(rows.rows[0]?.id);
}
async function effects(handler: string, matterId: number): Promise<number> {
  const rows = await rowsOf<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from test_event_effects where handler = ${handler} and matter_id = ${matterId}`,
  );
  return Number(rows.rows[0]?.n ?? 0);
}

beforeAll(async () => {
  await t.database.db.execute(sql`create table test_event_effects (handler text not null, event_id bigint not null, matter_id bigint not null)`);
});

describe('domain events: reactions after commit', () => {
  it('a handler that writes in an ordinary transaction runs after the report commits and cannot break intake', async () => {
    const res = await report('村口的路灯坏了半个月，晚上看不见路');
    expect(res.statusCode, res.body).toBe(201);
    const id = await idOf(res);
    expect(await effects('writer', id)).toBe(1);
    // The modules' own handlers ran too (the matter is in the similar index and the facts).
    const status = await t.request({ method: 'GET', url: '/api/admin/events', cookie: await t.login('admin') });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json().failing).toEqual([]);
    expect(status.json().lagMs.count).toBeGreaterThan(0);
  });

  it('a failing handler never fails the report; its attempt is undone, kept for administrators, retried with back-off', async () => {
    failing = true;
    const bad = await report('楼上漏水到我家，找了几次没人管');
    expect(bad.statusCode, bad.body).toBe(201);
    failing = false;
    const good = await report('门前水沟堵了，下雨就漫到路上');
    expect(good.statusCode, good.body).toBe(201);
    const badId = await idOf(bad);
    // The failed attempt's own write was rolled back with it; the other event went through.
    expect(await effects('flaky', badId)).toBe(0);
    expect(await effects('flaky', await idOf(good))).toBe(1);
    expect(await effects('writer', badId)).toBe(1);

    const admin = await t.login('admin');
    const status = (await t.request({ method: 'GET', url: '/api/admin/events', cookie: admin })).json();
    const first = status.failing.filter((f: { handler: string }) => f.handler === 'test.flaky');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ attempts: 1, eventType: 'matter.changed' });
    expect(first[0].lastError).toContain(`refused ${badId}`);
    expect(status.pending).toContainEqual(expect.objectContaining({ handler: 'test.flaky', pending: 1 }));

    // Not due before its back-off; due after it, and failing again doubles the wait.
    expect(await t.drainEvents()).toBe(0);
    t.clock.advance(2_500);
    failing = true;
    await t.drainEvents();
    const again = (await t.request({ method: 'GET', url: '/api/admin/events', cookie: admin })).json();
    const second = again.failing.find((f: { handler: string }) => f.handler === 'test.flaky');
    expect(second.attempts).toBe(2);
    expect(new Date(second.nextAttemptAt).getTime() - t.clock.now().getTime()).toBe(4_000);

    // Fixed: an administrator retries at once, and the effect happens exactly once.
    failing = false;
    const retried = await t.request({ method: 'POST', url: `/api/admin/events/${second.deliveryId}/retry`, cookie: admin });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(await effects('flaky', badId)).toBe(1);
    const after = (await t.request({ method: 'GET', url: '/api/admin/events', cookie: admin })).json();
    expect(after.failing).toEqual([]);
    expect(after.pending.find((p: { handler: string }) => p.handler === 'test.flaky')).toBeUndefined();
    // Handled work is not handled twice.
    expect(await t.drainEvents()).toBe(0);
    expect(await effects('flaky', badId)).toBe(1);
  });

  it('the events page is for administrators only; an unknown delivery is 404', async () => {
    const village = await t.login('village');
    expect((await t.request({ method: 'GET', url: '/api/admin/events', cookie: village })).statusCode).toBe(403);
    const missing = await t.request({ method: 'POST', url: '/api/admin/events/999999/retry', cookie: await t.login('admin') });
    expect(missing.statusCode).toBe(404);
  });
});

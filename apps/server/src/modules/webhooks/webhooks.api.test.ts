import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobOnce } from '../../platform/jobs';
import { useTestApp } from '../../test/harness';
import { matterCardMessage } from './message';
import { inTransaction } from '../../platform/context';
import { deliverDue, enqueueToUnits, outboxDeliveryJob } from './outbox';
import { setWebhookPolicy } from './url-guard';

const t = useTestApp();
const GROUP = '5303032032110101';
const ZONE = '53030320321101';

/** A stand-in for qyapi.weixin.qq.com: answers each request with the next scripted reply. */
class Receiver {
  server: Server;
  bodies: unknown[] = [];
  script: ((res: ServerResponse) => void)[] = [];
  fallback: (res: ServerResponse) => void = (res) => ok(res);
  constructor() {
    this.server = createServer((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => {
        this.bodies.push(JSON.parse(data));
        (this.script.shift() ?? this.fallback)(res);
      });
    });
  }
  async start() {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa`;
  }
}
const ok = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
const http500 = (res: ServerResponse) => res.writeHead(500).end('boom');
const wecomError = (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":45009,"errmsg":"api freq out of limit"}');

const card = (code: string) =>
  matterCardMessage({
    event: 'report',
    trackingCode: code,
    description: '村口路灯坏了一个星期，晚上出行不安全',
    unitPath: '地河村 / 第一片 / 地河一组',
    category: '路灯照明',
    state: '已吹哨',
    deadline: new Date('2026-01-06T09:00:00+08:00'),
    link: 'http://127.0.0.1:8080/matters/1',
  });

const receiver = new Receiver();
let url = '';
beforeAll(async () => {
  url = await receiver.start();
  // The explicit test allowance for the local stand-in robot (the default allows only https to
  // qyapi.weixin.qq.com, never a loopback address: url-guard.api.test.ts).
  setWebhookPolicy({ hosts: ['127.0.0.1'], allowHttp: true, allowPrivate: true });
});
afterAll(() => {
  receiver.server.closeAllConnections();
  receiver.server.close();
});

/** The clock moves days ahead here, past the harness's cached sessions: log in afresh. */
async function freshLogin(username: string): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'jiceng-demo' } });
  const raw = res.headers['set-cookie'];
  return ((Array.isArray(raw) ? raw[0] : raw) ?? '').split(';')[0] as string;
}

async function outboxRows(status?: string) {
  const cookie = await freshLogin('district');
  const res = await t.request({ method: 'GET', url: `/api/outbox${status ? `?status=${status}` : ''}`, cookie });
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: number; status: string; attempts: number; nextAttemptAt: string; lastError: string | null; endpointId: number }[];
}

describe('webhook endpoints', () => {
  it('lets a village configure robots on its groups and zones, with the key masked', async () => {
    const cookie = await t.login('village');
    const res = await t.request({ method: 'POST', url: '/api/webhooks', cookie, payload: { unitCode: GROUP, name: '地河一组群', url } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ unitCode: GROUP, kind: 'wecom', enabled: true });
    expect(res.json().url).toContain('key=693a****5aaa');
    expect(res.body).not.toContain('693a91f6');
    const list = await t.request({ method: 'GET', url: `/api/webhooks?unitCode=${ZONE}`, cookie });
    expect(list.json().map((e: { name: string }) => e.name)).toEqual(['地河一组群']);
  });

  it('refuses bad URLs, wrong levels and other villages with the field named', async () => {
    const cookie = await t.login('village');
    const bad = await t.request({ method: 'POST', url: '/api/webhooks', cookie, payload: { unitCode: GROUP, name: 'x', url: 'ftp://example.com/x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'WEBHOOK_URL_INVALID', field: 'url' });
    const junk = await t.request({ method: 'POST', url: '/api/webhooks', cookie, payload: { unitCode: GROUP, name: 'x', url: 'not a url' } });
    expect(junk.json().error.field).toBe('url');
    const district = await t.login('district');
    const level = await t.request({ method: 'POST', url: '/api/webhooks', cookie: district, payload: { unitCode: '530303203', name: 'x', url } });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.field).toBe('unitCode');
    const other = await t.request({ method: 'POST', url: '/api/webhooks', cookie, payload: { unitCode: '530303203201', name: 'x', url } });
    expect(other.statusCode).toBe(403);
    const missing = await t.request({ method: 'POST', url: '/api/webhooks', cookie, payload: { unitCode: `${ZONE}99`, name: 'x', url } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.field).toBe('unitCode');
    const rep = await t.login('representative');
    const forbidden = await t.request({ method: 'POST', url: '/api/webhooks', cookie: rep, payload: { unitCode: GROUP, name: 'x', url } });
    expect(forbidden.statusCode).toBe(403);
  });

  it('updates, disables and deletes, and audits it', async () => {
    const cookie = await t.login('village');
    const created = (await t.request({ method: 'POST', url: '/api/webhooks', cookie, payload: { unitCode: ZONE, name: '第一片群', url } })).json();
    const patched = await t.request({ method: 'PATCH', url: `/api/webhooks/${created.id}`, cookie, payload: { enabled: false, name: '第一片工作群' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ enabled: false, name: '第一片工作群' });
    const gone = await t.request({ method: 'DELETE', url: `/api/webhooks/${created.id}`, cookie });
    expect(gone.statusCode).toBe(204);
    const again = await t.request({ method: 'DELETE', url: `/api/webhooks/${created.id}`, cookie });
    expect(again.statusCode).toBe(404);
    const audit = await t.request({ method: 'GET', url: `/api/audit?entityType=webhook&entityId=${created.id}`, cookie: await t.login('district') });
    expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual(['webhook.delete', 'webhook.update', 'webhook.create']);
  });
});

describe('outbox delivery', () => {
  it('delivers exactly once after failures, backing off 30 s then 2 min', async () => {
    receiver.bodies = [];
    receiver.script = [http500, wecomError];
    const ctx = t.systemCtx();
    await inTransaction(ctx, (tx) => enqueueToUnits(tx, [GROUP, ZONE], card('ABCDEFGHJK'), 'matter:1:report'));
    expect(await outboxRows()).toHaveLength(1); // the zone's robot was deleted above; only the group's is configured
    // The same cause again (a retried request, a second sweep) enqueues nothing.
    await enqueueToUnits(ctx, [GROUP], card('ABCDEFGHJK'), 'matter:1:report');
    expect(await outboxRows()).toHaveLength(1);

    const run = () => runJobOnce(t.database.db, t.clock, outboxDeliveryJob);
    expect(await run()).toBe(true);
    expect(receiver.bodies).toHaveLength(1);
    let [row] = await outboxRows();
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.lastError).toContain('HTTP 500');
    const wait1 = new Date(row?.nextAttemptAt as string).getTime() - t.clock.now().getTime();
    expect(wait1).toBeGreaterThanOrEqual(24_000);
    expect(wait1).toBeLessThanOrEqual(36_000);

    await run(); // not due yet
    t.clock.advance(20_000);
    await run(); // still not due
    expect(receiver.bodies).toHaveLength(1);
    t.clock.advance(17_000);
    await run();
    expect(receiver.bodies).toHaveLength(2);
    [row] = await outboxRows();
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row?.lastError).toContain('errcode 45009');
    const wait2 = new Date(row?.nextAttemptAt as string).getTime() - t.clock.now().getTime();
    expect(wait2).toBeGreaterThanOrEqual(96_000);
    expect(wait2).toBeLessThanOrEqual(144_000);

    t.clock.advance(90_000);
    await run();
    expect(receiver.bodies).toHaveLength(2);
    t.clock.advance(60_000);
    await run();
    expect(receiver.bodies).toHaveLength(3);
    [row] = await outboxRows('sent');
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });

    t.clock.advance(24 * 3_600_000);
    await run();
    expect(receiver.bodies).toHaveLength(3);
    const body = receiver.bodies[2] as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('村口路灯坏了');
    expect(body.markdown.content).toContain('路灯照明');
    expect(body.markdown.content).toContain('2026-01-06 09:00');
    expect(body.markdown.content).toContain('[查看详情](http://127.0.0.1:8080/matters/1)');
    expect(body.markdown.content).toContain(`消息 #${row?.id} · 第 3 次发送`);
  });

  it('gives up after the last attempt, lists it, and retries it by hand', async () => {
    receiver.bodies = [];
    receiver.fallback = http500;
    const ctx = t.systemCtx();
    await enqueueToUnits(ctx, [GROUP], card('MNPQRSTVWX'), 'matter:2:report');
    for (let i = 0; i < 6; i++) {
      await runJobOnce(t.database.db, t.clock, outboxDeliveryJob);
      t.clock.advance(8 * 3_600_000);
    }
    expect(receiver.bodies).toHaveLength(6);
    const [dead] = await outboxRows('dead');
    expect(dead).toMatchObject({ status: 'dead', attempts: 6 });
    await runJobOnce(t.database.db, t.clock, outboxDeliveryJob);
    expect(receiver.bodies).toHaveLength(6);

    const village = await freshLogin('village');
    const refused = await t.request({ method: 'POST', url: `/api/outbox/${dead?.id}/retry`, cookie: village });
    expect(refused.statusCode).toBe(403);
    const district = await freshLogin('district');
    receiver.fallback = ok;
    const retried = await t.request({ method: 'POST', url: `/api/outbox/${dead?.id}/retry`, cookie: district });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    const twice = await t.request({ method: 'POST', url: `/api/outbox/${dead?.id}/retry`, cookie: district });
    expect(twice.statusCode).toBe(409);
    await runJobOnce(t.database.db, t.clock, outboxDeliveryJob);
    expect(receiver.bodies).toHaveLength(7);
    expect((await outboxRows('dead')).length).toBe(0);
    const bad = await t.request({ method: 'GET', url: '/api/outbox?status=lost', cookie: district });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toContain('status');
  });

  it('times out a hanging endpoint and records why', async () => {
    receiver.bodies = [];
    receiver.script = [() => undefined]; // never answers
    const ctx = t.systemCtx();
    await enqueueToUnits(ctx, [GROUP], card('HANGHANGHA'), 'matter:3:report');
    const result = await ctx.db.transaction((tx) => deliverDue({ ...ctx, db: tx }, { batch: 10, timeoutMs: 300 }));
    expect(result).toEqual({ sent: 0, failed: 1 });
    const [row] = await outboxRows('failed');
    expect(row?.lastError).toContain('timeout after 300 ms');
  });

  it('never sends a row twice when two runners claim at once (SKIP LOCKED)', async () => {
    receiver.bodies = [];
    receiver.script = [];
    receiver.fallback = ok;
    t.clock.advance(3_600_000);
    const ctx = t.systemCtx();
    for (let i = 0; i < 8; i++) await enqueueToUnits(ctx, [GROUP], card(`PARALLEL0${i}`), `matter:p${i}:report`);
    const runner = () => ctx.db.transaction((tx) => deliverDue({ ...ctx, db: tx }, { batch: 5, timeoutMs: 2_000 }));
    // Two instances on PostgreSQL run concurrently; PGlite has one connection and serialises them.
    const [a, b] = await Promise.all([runner(), runner()]);
    const [c] = await Promise.all([runner()]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0) + (c?.sent ?? 0)).toBe(9); // 8 new + the hanging one, now due again
    const codes = receiver.bodies.map((b) => (b as { markdown: { content: string } }).markdown.content.match(/编号：尾号(\w+)/)?.[1]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(9);
  });
});

describe('matters → chats', () => {
  it('enqueues a card for the group, zone and village robots when a matter is reported', async () => {
    const village = await freshLogin('village');
    const zone = await t.request({ method: 'POST', url: '/api/webhooks', cookie: village, payload: { unitCode: ZONE, name: '第一片群', url } });
    expect(zone.statusCode).toBe(201);
    const other = await t.request({
      method: 'POST',
      url: '/api/webhooks',
      cookie: village,
      payload: { unitCode: '5303032032110201', name: '小河边组群', url },
    });
    expect(other.statusCode).toBe(201);
    const before = (await outboxRows()).length;
    const res = await t.request({
      method: 'POST',
      url: '/api/matters',
      cookie: village,
      payload: { unitCode: GROUP, categoryCode: 'infrastructure', description: '地河一组进村路口的路灯坏了' },
    });
    expect(res.statusCode).toBe(201);
    const all = await outboxRows();
    const mine = all.slice(0, all.length - before); // newest first
    expect(mine.map((r) => r.endpointId).sort()).toEqual([1, zone.json().id].sort());
    const content = (mine[0] as unknown as { payload: { markdown: { content: string } } }).payload.markdown.content;
    expect(content).toContain('【新诉求】');
    expect(content).toContain('地河一组进村路口的路灯坏了');
    expect(content).toContain('地河村 / 第一片 / 地河一组');
    expect(content).toContain('基础设施');
    // The receipt stays with the resident: the chat sees its last four characters only.
    expect(content).not.toContain(res.json().trackingCode);
    expect(content).toContain(`编号：尾号${res.json().trackingCode.slice(-4)}`);
  });
});

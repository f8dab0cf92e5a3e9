import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../platform/context';
import { useTestApp } from '../../test/harness';
import { matterCardMessage } from './message';
import { deliverDue, enqueueToUnits } from './outbox';
import { setWebhookPolicy, webhookPolicy } from './url-guard';

const t = useTestApp();
const GROUP = '5303032032110101';
const GROUP2 = '5303032032110102';

// A robot on this machine that counts what reaches it: the SSRF target.
let hits = 0;
const server = createServer((_req, res) => {
  hits++;
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
});
let port = 0;
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const create = async (url: string, unitCode = GROUP) =>
  t.request({ method: 'POST', url: '/api/webhooks', cookie: await t.login('village'), payload: { unitCode, name: '测试群', url } });

describe('robot URLs (default policy)', () => {
  it('accept only https to qyapi.weixin.qq.com, and never this machine or the local network', async () => {
    expect(webhookPolicy()).toEqual({ hosts: ['qyapi.weixin.qq.com'], allowHttp: false, allowPrivate: false });
    for (const url of [
      `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=k`,
      `https://127.0.0.1:${port}/cgi-bin/webhook/send?key=k`,
      'https://localhost/cgi-bin/webhook/send?key=k',
      'https://[::1]/x',
      'https://169.254.169.254/latest/meta-data/',
      'https://192.168.1.1/admin',
      'https://example.com/cgi-bin/webhook/send?key=k',
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
    ]) {
      const res = await create(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error, url).toMatchObject({ code: 'WEBHOOK_URL_INVALID', field: 'url' });
    }
    const ok = await create('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa');
    expect(ok.statusCode).toBe(201);
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/webhooks/${ok.json().id}`,
      cookie: await t.login('village'),
      payload: { url: `http://127.0.0.1:${port}/x` },
    });
    expect(patch.json().error).toMatchObject({ code: 'WEBHOOK_URL_INVALID', field: 'url' });
    expect(hits).toBe(0);
  });

  it('never sends to a host that resolves to a non-public address, checked at send time', async () => {
    // An operator allowed "localhost" (say, by mistake) but not private addresses: the name passes
    // the text checks, and what it resolves to at send time is refused.
    setWebhookPolicy({ hosts: ['localhost'], allowHttp: true, allowPrivate: false });
    const res = await create(`http://localhost:${port}/cgi-bin/webhook/send?key=k`, GROUP2);
    expect(res.statusCode).toBe(201);
    await inTransaction(t.systemCtx(), (tx) =>
      enqueueToUnits(
        tx,
        [GROUP2],
        matterCardMessage({
          event: 'report',
          trackingCode: 'R1',
          description: '路灯坏了',
          unitPath: '地河一组',
          category: '路灯照明',
          state: '待受理',
          deadline: null,
          link: 'https://x/1',
        }),
        'ssrf-1',
      ),
    );
    await inTransaction(t.systemCtx(), (tx) => deliverDue(tx));
    expect(hits).toBe(0);
    const outbox = await t.request({ method: 'GET', url: '/api/outbox', cookie: await t.login('district') });
    const mine = outbox.json().items.filter((r: { endpointId: number }) => r.endpointId === res.json().id);
    expect(mine[0].lastError).toMatch(/resolves to the non-public address/);
  });
});

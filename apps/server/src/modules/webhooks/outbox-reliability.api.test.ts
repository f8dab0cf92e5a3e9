import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobOnce } from '../../platform/jobs';
import { useTestApp } from '../../test/harness';
import { matterCardMessage } from './message';
import { enqueueToUnits, outboxDeliveryJob } from './outbox';
import { setWebhookPolicy } from './url-guard';

const t = useTestApp();
const GROUP = '5303032032110101';
const here = path.dirname(fileURLToPath(import.meta.url));
const serverDir = path.resolve(here, '../../..');

/** A robot that answers what `answer` says: 'ok' now, or 'hang' (never). Counts what it received. */
function robot() {
  const received: string[] = [];
  let answer: (n: number) => 'ok' | 'hang' = () => 'ok';
  const hung: ServerResponse[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => {
      received.push(JSON.parse(data).markdown.content as string);
      if (answer(received.length) === 'hang') hung.push(res);
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  return {
    received,
    server,
    setAnswer: (f: typeof answer) => {
      answer = f;
    },
    async start() {
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=k`;
    },
    stop() {
      for (const r of hung) r.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}

const bot = robot();
let url = '';
beforeAll(async () => {
  url = await bot.start();
  setWebhookPolicy({ hosts: ['127.0.0.1'], allowHttp: true, allowPrivate: true });
});
afterAll(() => bot.stop());

const card = (code: string) =>
  matterCardMessage({
    event: 'report',
    trackingCode: code,
    description: '村口路灯坏了',
    unitPath: '地河村 / 第一片 / 地河一组',
    category: '路灯照明',
    state: '已吹哨',
    deadline: new Date('2026-01-06T09:00:00+08:00'),
    link: 'http://127.0.0.1:8080/matters/1',
  });

describe('outbox delivery holds no connection while a robot answers', () => {
  it('a hung robot does not stall the database (PGlite has one connection)', async () => {
    const district = await t.login('village');
    const created = await t.request({ method: 'POST', url: '/api/webhooks', cookie: district, payload: { unitCode: GROUP, name: '挂起的机器人', url } });
    expect(created.statusCode).toBe(201);
    bot.setAnswer(() => 'hang');
    await enqueueToUnits(t.systemCtx(), [GROUP], card('HUNGROBOT1'), 'hang:1');
    const before = bot.received.length;
    const round = runJobOnce(t.database.db, t.clock, outboxDeliveryJob);
    while (bot.received.length === before) await new Promise((r) => setTimeout(r, 20));
    // The robot holds the request now; the app must answer as if nothing were going on.
    const started = Date.now();
    const health = await t.request({ method: 'GET', url: '/api/health' });
    const took = Date.now() - started;
    expect(health.statusCode).toBe(200);
    expect(took).toBeLessThan(1_000);
    // The claim was committed before the HTTP call: the row shows as being sent meanwhile.
    const rows = await t.database.db.execute(sql`select status from outbox where dedup_key like 'hang:1:%'`);
    expect((rows as unknown as { rows: { status: string }[] }).rows.map((r) => r.status)).toEqual(['sending']);
    bot.stop(); // ends the hung request: the round records a failure and returns
    await round;
  }, 30_000);
});

function runChild(dataDir: string, seed: boolean, clockOffsetMs = 0): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'outbox-crash.child.ts'), dataDir, url2, seed ? 'seed' : '', String(clockOffsetMs)],
    {
      cwd: serverDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return { child, output: () => output };
}

let url2 = '';
// The runner is a child process on an embedded database on disk whatever the run's database (the
// claim-and-mark order is the same code on both); the PostgreSQL run skips it.
describe.skipIf(process.env.JICENG_TEST_DB === 'postgres')('a crash in the middle of a batch', () => {
  it('re-sends only the messages whose answer was in flight', async () => {
    const crashBot = robot();
    url2 = await crashBot.start();
    // The first three answer at once; the other seven hang until the runner is killed.
    crashBot.setAnswer((n) => (n <= 3 ? 'ok' : 'hang'));
    const dir = mkdtempSync(path.join(tmpdir(), 'jiceng-outbox-crash-'));
    try {
      const first = runChild(dir, true);
      const deadline = Date.now() + 180_000;
      while (crashBot.received.length < 10) {
        if (first.child.exitCode !== null || Date.now() > deadline) throw new Error(`runner ended early:\n${first.output()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      // Give the three answered messages the moment it takes to record them, then crash.
      await new Promise((r) => setTimeout(r, 1_500));
      first.child.kill('SIGKILL');
      await once(first.child, 'exit');
      expect(crashBot.received).toHaveLength(10);
      // A new runner (after the lease) delivers what was not acknowledged, and nothing else.
      crashBot.setAnswer(() => 'ok');
      const second = runChild(dir, false, 3_600_000);
      const [code] = (await once(second.child, 'exit')) as [number];
      expect(code, second.output()).toBe(0);
      const counts = new Map<string, number>();
      for (const body of crashBot.received) {
        const key = body.split('\n')[0] as string;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect(counts.size).toBe(10);
      // 10 cards + the 7 in flight at the crash; before, all 10 were sent again (20 received).
      expect(crashBot.received).toHaveLength(17);
      expect([...counts.values()].filter((n) => n === 1)).toHaveLength(3);
    } finally {
      crashBot.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the robot received: the outbox message number stamped into it, its attempt, and our answer. */
export interface RobotHit {
  messageId: number;
  attempt: number;
  ok: boolean;
  content: string;
}

export interface FakeRobot {
  url: string;
  hits: RobotHit[];
  /** Successful deliveries per outbox message id. */
  successes(): Map<number, number>;
  close(): Promise<void>;
}

/**
 * A local stand-in for a WeCom group robot, over real HTTP. It reads the `消息 #<id>` stamp every
 * sent copy carries, and answers the first delivery of the first message whose text contains
 * `failFirst` with HTTP 500 (the job must retry it), every other delivery with WeCom's `{"errcode":0}`.
 */
export async function startRobot(failFirst: string): Promise<FakeRobot> {
  const hits: RobotHit[] = [];
  let refused: number | null = null;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      let content = '';
      try {
        content = String(JSON.parse(body)?.markdown?.content ?? '');
      } catch {
        // recorded below with message id 0: a malformed body fails the test's checks
      }
      const messageId = Number(/消息 #(\d+)/.exec(content)?.[1] ?? 0);
      const attempt = Number(/第 (\d+) 次发送/.exec(content)?.[1] ?? 1);
      const fail = refused === null && content.includes(failFirst);
      if (fail) refused = messageId;
      hits.push({ messageId, attempt, ok: !fail, content });
      res.writeHead(fail ? 500 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(fail ? { errcode: -1, errmsg: 'system busy' } : { errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=e2e-robot-key-0001`,
    hits,
    successes() {
      const m = new Map<number, number>();
      for (const h of hits) if (h.ok) m.set(h.messageId, (m.get(h.messageId) ?? 0) + 1);
      return m;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

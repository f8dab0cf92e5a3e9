// A delivery runner in a process of its own, for outbox-reliability.api.test.ts: it opens the
// embedded database at argv[2] (seeding one robot at argv[3] and ten messages when asked), runs
// one delivery round and exits. The test kills it with SIGKILL in the middle of the round.
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../../db/client';
import { offsetClock } from '../../platform/clock';
import { deliverDue } from './outbox';
import { setWebhookPolicy } from './url-guard';

const [dataDir, robotUrl, seed, offset] = process.argv.slice(2) as [string, string, string, string];
const database = await openDatabase({ url: null, dataDir, checkpointEveryMs: 0 });
await migrateDatabase(database);
setWebhookPolicy({ hosts: ['127.0.0.1'], allowHttp: true, allowPrivate: true });
if (seed === 'seed') {
  await database.exec(`insert into units (code, level, name) values ('530303', 'district', '沾益区')`);
  await database.db.execute(
    sql`insert into webhook_endpoints (unit_code, name, url, created_at, updated_at) values ('530303', '测试机器人', ${robotUrl}, now(), now())`,
  );
  for (let i = 1; i <= 10; i++) {
    const payload = JSON.stringify({ msgtype: 'markdown', markdown: { content: `事项 ${i}` } });
    await database.db.execute(
      sql`insert into outbox (endpoint_id, unit_code, payload, dedup_key, next_attempt_at, created_at)
          select id, '530303', ${payload}::jsonb, ${`crash:${i}`}, now() - interval '1 minute', now() from webhook_endpoints`,
    );
  }
}
const ctx = {
  db: database.db,
  base: database.db,
  actor: null,
  clock: offsetClock(Number(offset) || 0),
  locale: 'zh-CN' as const,
  requestId: 'crash-test',
  ip: null,
};
process.stdout.write('delivering\n');
const result = await deliverDue(ctx, { batch: 10, timeoutMs: 60_000 });
process.stdout.write(`done ${JSON.stringify(result)}\n`);
await database.close();

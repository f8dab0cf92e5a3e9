// The public report's statements and the pgbench ceiling for them, shared by bench/matters.mjs and
// the bare-server floor (bench/intake-floor.mjs): what the server sends for one POST /api/public/matters.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { round } from './lib.mjs';
export const GROUP = '5303032032110101';
export const DESCRIPTION = '村口的路灯坏了三盏，晚上老人出门看不见路，请尽快维修';

/**
 * The statements one public report runs, as the server's statement log shows them (PostgreSQL
 * log_statement = all), in one transaction: the matter with its first event; then, together, the
 * audit row, the inbox messages of the group's people (INSERT … SELECT), the messages to the
 * robots of its units (INSERT … SELECT), the similar-matter index row and the metrics facts. The category and the unit are cached by the server.
 * pgbench reads ":name" as a variable, so the index keys' colons are made with chr(58).
 */
export function pgbenchScript() {
  const now = 'now()';
  const V = GROUP.slice(0, 12);
  const matterId = `(select currval(pg_get_serial_sequence('matters', 'id')))`;
  const bigrams = '{村口,口的,的路,路灯,灯坏,坏了,了三,三盏,晚上,上老,老人,人出,出门,门看,看不,不见,见路}';
  const words = '{村口,路灯,坏,三盏,晚上,老人,出门,不见,看不见,路}';
  const keys = `translate('{${V}#村口,${V}#路灯,${V}#灯坏,${V}#三盏,${V}#老人,${V}#人出,${V}#出门,${V}#门看,${V}#见路}', '#', chr(58))::text[]`;
  const matter = `WITH m AS (INSERT INTO matters (tracking_code, unit_code, category_code, urgency, state, description, reporter_kind, hide_reporter, responsible_unit_code, first_unit_code, respond_by, resolve_by, stage_deadline, created_at, updated_at) VALUES (upper(substr(md5(random()::text || clock_timestamp()::text), 1, 10)), '${GROUP}', 'infrastructure', 'ordinary', 'reported', '${DESCRIPTION}', 'resident', false, '${GROUP}', '${GROUP}', ${now} + interval '24 hours', ${now} + interval '7 days', ${now} + interval '24 hours', ${now}, ${now}) RETURNING *), e AS (INSERT INTO matter_events (matter_id, from_state, to_state, action, actor_kind, at, data) SELECT m.id, NULL, 'reported', 'report', 'resident', ${now}, jsonb_build_object('categoryCode', 'infrastructure', 'urgency', 'ordinary', 'photo', false, 'householdId', NULL) FROM m RETURNING id) SELECT m.*, e.id FROM m, e`;
  const audit = `INSERT INTO audit_events (at, action, entity_type, entity_id, unit_code, after, ip, request_id) VALUES (${now}, 'matter.report', 'matter', ${matterId}::text, '${GROUP}', jsonb_build_object('state', 'reported', 'urgency', 'ordinary', 'categoryCode', 'infrastructure', 'reporterKind', 'resident'), '127.0.0.1', 'pgbench')`;
  const inbox = `INSERT INTO notifications (user_id, kind, title, title_en, body, body_en, link, entity_type, entity_id, unit_code, params, dedup_key, created_at) SELECT r.id, 'matter.report', '诉求已吹哨', 'Matter reported', '${DESCRIPTION}', NULL, '/matters/1', 'matter', ${matterId}::text, '${GROUP}', jsonb_build_object('action', 'report', 'state', 'reported'), 'matter-' || ${matterId} || '-event', ${now} FROM (SELECT id FROM users WHERE ((unit_code = '${GROUP}' AND role IN ('groupLeader', 'representative'))) AND status = 'active') r WHERE r.id IS DISTINCT FROM NULL::integer ON CONFLICT DO NOTHING`;
  const robots = `INSERT INTO outbox (endpoint_id, unit_code, payload, dedup_key, next_attempt_at, created_at) SELECT e.id, e.unit_code, '{"msgtype": "markdown"}'::jsonb, 'matter-event-' || ${matterId} || '-' || e.id, ${now}, ${now} FROM webhook_endpoints e WHERE e.unit_code = any('{${GROUP},${GROUP.slice(0, 14)},${V}}'::text[]) AND e.enabled ON CONFLICT (dedup_key) DO NOTHING`;
  const index = `INSERT INTO matter_text_index (matter_id, village_code, unit_code, open, bigrams, words, word_weight, keys) VALUES (${matterId}, '${V}', '${GROUP}', true, '${bigrams}', '${words}', 74.58, ${keys}) ON CONFLICT (matter_id) DO UPDATE SET open = excluded.open, bigrams = excluded.bigrams, words = excluded.words, word_weight = excluded.word_weight, keys = excluded.keys`;
  const facts = `INSERT INTO matter_facts (matter_id, unit_code, state, created_at, respond_by, resolve_by, reopen_count) VALUES (${matterId}, '${GROUP}', 'reported', ${now}, ${now} + interval '24 hours', ${now} + interval '7 days', 0) ON CONFLICT (matter_id) DO UPDATE SET state = excluded.state`;
  // Deferred writes (db/deferred.ts) reach the server together at the end, as one statement of data-modifying CTEs.
  const together = (...writes) => `WITH ${writes.map((w, i) => `w${i + 1} AS (${w})`).join(', ')} SELECT 1`;
  return ['BEGIN', matter, together(audit, inbox, robots, index, facts), 'COMMIT'].map((s) => `${s};\n`).join('');
}

function pgbenchPath() {
  for (const p of ['/usr/lib/postgresql/15/bin/pgbench', '/usr/lib/postgresql/16/bin/pgbench', '/usr/bin/pgbench']) if (existsSync(p)) return p;
  throw new Error('pgbench not found (it ships with the PostgreSQL server package)');
}

/** pgbench running pgbenchScript() on `url`: the machine's ceiling for one report's statements. */
export function ceiling(url, dataDir, { connections, seconds }) {
  const u = new URL(url);
  const script = path.join(dataDir, 'intake.sql');
  writeFileSync(script, pgbenchScript());
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(connections),
    '-j',
    '2',
    '-T',
    String(seconds),
    '-f',
    script,
    '-h',
    decodeURIComponent(u.hostname),
    '-p',
    u.port || '5432',
    '-U',
    u.username || 'postgres',
    u.pathname.slice(1),
  ];
  const r = spawnSync(pgbenchPath(), args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pgbench failed: ${r.stderr}`);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout);
  const lat = /latency average = ([\d.]+) ms/.exec(r.stdout);
  return { tps: round(Number(tps?.[1]), 0), latencyAvgMs: round(Number(lat?.[1]), 2), command: `pgbench ${args.join(' ')}` };
}

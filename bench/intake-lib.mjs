// The public report's statements and the pgbench ceiling for them, shared by bench/matters.mjs and
// the bare-server floor (bench/intake-floor.mjs): what the server sends for one POST /api/public/matters.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { round } from './lib.mjs';
export const GROUP = '5303032032110101';
export const DESCRIPTION = '村口的路灯坏了三盏，晚上老人出门看不见路，请尽快维修';

/**
 * What one public report sends, as the server's statement log shows it (PostgreSQL
 * log_statement = all): one statement of data-modifying CTEs, with no BEGIN or COMMIT around it
 * (platform/one-statement.ts): the matter and its first event, with ids reserved beforehand; the
 * audit row; the inbox messages of the group's people (INSERT … SELECT); the messages to the robots
 * of its units (INSERT … SELECT); the similar-matter index row and the metrics facts. Every 20th
 * report the server also reserves the next 20 ids of matters and of events (db/id-pool.ts). The
 * category and the units are cached by the server.
 * pgbench keeps each client's variables between transactions: `n` counts its reports and makes its
 * ids (clear of the sequence's own). pgbench reads ":name" as a variable, so the index keys' colons
 * are made with chr(58).
 */
/** The report's ids in pgbenchScript(), from pgbench's variables. */
export const REPORT_ID = ':mid';

export function pgbenchScript() {
  const now = 'now()';
  const V = GROUP.slice(0, 12);
  const mid = REPORT_ID;
  const bigrams = '{村口,口的,的路,路灯,灯坏,坏了,了三,三盏,晚上,上老,老人,人出,出门,门看,看不,不见,见路,请尽,尽快,快维,维修}';
  const words = '{村口,路灯,坏,三盏,晚上,老人,出门,不见,看不见,路,维修}';
  const keys = `translate('{${V}#村口,${V}#路灯,${V}#灯坏,${V}#三盏,${V}#老人,${V}#人出,${V}#出门,${V}#门看,${V}#见路,${V}#尽快,${V}#快维,${V}#维修}', '#', chr(58))::text[]`;
  const matter = `INSERT INTO matters (id, tracking_code, unit_code, household_id, category_code, urgency, state, description, lat, lng, reporter_kind, reporter_name, reporter_phone, reporter_user_id, hide_reporter, responsible_unit_code, first_unit_code, transfer_to_unit_code, accepted_level, respond_by, resolve_by, stage_deadline, responded_at, paused_at, paused_reason, merged_into_id, resolution, resolved_at, feedback_message, answered_at, rating_satisfaction, rating_fixed, rating_comment, rated_at, close_reason, reopen_count, escalation_count, settled_level, version, created_at, updated_at, closed_at) OVERRIDING SYSTEM VALUE VALUES (${mid}, upper(substr(md5(random()::text || clock_timestamp()::text), 1, 10)), '${GROUP}', NULL, 'infrastructure', 'ordinary', 'reported', '${DESCRIPTION}', NULL, NULL, 'resident', NULL, NULL, NULL, false, '${GROUP}', '${GROUP}', default, default, ${now} + interval '24 hours', ${now} + interval '7 days', ${now} + interval '24 hours', default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, ${now}, ${now}, default)`;
  const event = `INSERT INTO matter_events (id, matter_id, from_state, to_state, action, actor_user_id, actor_unit_code, actor_kind, note, public_note, at, data) OVERRIDING SYSTEM VALUE VALUES (${mid}, ${mid}, NULL, 'reported', 'report', NULL, NULL, 'resident', NULL, NULL, ${now}, '{"photo": false, "urgency": "ordinary", "householdId": null, "categoryCode": "infrastructure"}'::jsonb)`;
  const audit = `INSERT INTO audit_events (id, at, actor_user_id, actor_name, action, entity_type, entity_id, unit_code, before, after, ip, request_id) VALUES (default, ${now}, NULL, NULL, 'matter.report', 'matter', ${mid}::text, '${GROUP}', NULL, '{"state": "reported", "urgency": "ordinary", "categoryCode": "infrastructure", "reporterKind": "resident", "trackingCode": "0SXKVB1FD8"}'::jsonb, '127.0.0.1', 'pgbench')`;
  const inbox = `INSERT INTO notifications (user_id, kind, title, title_en, body, body_en, link, entity_type, entity_id, unit_code, params, dedup_key, created_at) SELECT r.id, 'matter.report', '诉求已吹哨', 'Matter reported', '${DESCRIPTION}', NULL, '/matters/1', 'matter', ${mid}::text, '${GROUP}', '{"state": "reported", "action": "report"}'::jsonb, 'matter-' || ${mid} || '-event', ${now} FROM (SELECT u.id FROM users u JOIN unnest('{${GROUP},${GROUP}}'::text[], '{groupLeader,representative}'::text[]) AS p(unit_code, role) ON u.unit_code = p.unit_code AND u.role = p.role WHERE u.status = 'active') r WHERE r.id IS DISTINCT FROM NULL::integer ON CONFLICT DO NOTHING`;
  const robots = `INSERT INTO outbox (endpoint_id, unit_code, payload, dedup_key, next_attempt_at, created_at) SELECT e.id, e.unit_code, '{"msgtype": "markdown"}'::jsonb, 'matter-event-' || ${mid} || '-' || e.id, ${now}, ${now} FROM webhook_endpoints e WHERE e.unit_code = any('{${GROUP},${GROUP.slice(0, 14)},${V}}'::text[]) AND e.enabled ON CONFLICT (dedup_key) DO NOTHING`;
  const index = `INSERT INTO matter_text_index (matter_id, village_code, unit_code, open, bigrams, words, word_weight, keys) VALUES (${mid}, '${V}', '${GROUP}', true, '${bigrams}', '${words}', 82.16, ${keys}) ON CONFLICT (matter_id) DO UPDATE SET matter_id = excluded.matter_id, village_code = excluded.village_code, unit_code = excluded.unit_code, open = excluded.open, bigrams = excluded.bigrams, words = excluded.words, word_weight = excluded.word_weight, keys = excluded.keys`;
  const facts = `INSERT INTO matter_facts (matter_id, unit_code, state, created_at, respond_by, responded_at, resolve_by, resolved_at, answered_at, rated_at, satisfaction, closed_at, settled_level, reopen_count, lead_department_id) VALUES (${mid}, '${GROUP}', 'reported', ${now}, ${now} + interval '24 hours', NULL, ${now} + interval '7 days', NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL) ON CONFLICT (matter_id) DO UPDATE SET matter_id = excluded.matter_id, unit_code = excluded.unit_code, state = excluded.state, created_at = excluded.created_at, respond_by = excluded.respond_by, responded_at = excluded.responded_at, resolve_by = excluded.resolve_by, resolved_at = excluded.resolved_at, answered_at = excluded.answered_at, rated_at = excluded.rated_at, satisfaction = excluded.satisfaction, closed_at = excluded.closed_at, settled_level = excluded.settled_level, reopen_count = excluded.reopen_count, lead_department_id = excluded.lead_department_id`;
  const reserve = (table) => `SELECT nextval(pg_get_serial_sequence('${table}', 'id'))::text AS id FROM generate_series(1, 20);`;
  const writes = [matter, event, audit, inbox, robots, index, facts];
  return [
    '\\set n :n + 1',
    '\\set mid 1000000000 + :client_id * 10000000 + :n',
    '\\if :n % 20 = 1',
    reserve('matters'),
    reserve('matter_events'),
    '\\endif',
    `WITH ${writes.map((w, i) => `w${i + 1} AS (${w})`).join(', ')} SELECT 1;`,
  ]
    .join('\n')
    .concat('\n');
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
    '-D',
    'n=0',
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

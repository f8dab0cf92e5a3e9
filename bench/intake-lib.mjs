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
 * (matters/repository.ts insertReport): the matter (its id from the sequence, read back with
 * RETURNING), its first event, the reporter follower and photo (none here), the audit row, and the
 * `matter.changed` domain event with one delivery per subscribed handler. The inbox messages, robot
 * cards, similar index and metrics facts are written after the commit by the event handlers, in
 * batches (platform/events): that work is the server's, measured in its throughput, not here.
 * The category and the units are cached by the server. pgbench reads ":name" as a variable; the
 * statement has none.
 */
export function pgbenchScript() {
  const now = 'now()';
  const code = `upper(substr(md5(random()::text || clock_timestamp()::text), 1, 10))`;
  const matter = `INSERT INTO matters (tracking_code, unit_code, household_id, category_code, urgency, state, description, lat, lng, reporter_kind, reporter_name, reporter_phone, reporter_user_id, hide_reporter, responsible_unit_code, first_unit_code, respond_by, resolve_by, stage_deadline, created_at, updated_at, client_key) VALUES (${code}, '${GROUP}', NULL::bigint, 'infrastructure', 'ordinary', 'reported', '${DESCRIPTION}', NULL::double precision, NULL::double precision, 'resident', NULL::text, NULL::text, NULL::integer, false, '${GROUP}', '${GROUP}', ${now} + interval '24 hours', ${now} + interval '7 days', ${now} + interval '24 hours', ${now}, ${now}, NULL::text) ON CONFLICT (client_key) WHERE client_key IS NOT NULL DO NOTHING RETURNING *`;
  const event = `INSERT INTO matter_events (matter_id, from_state, to_state, action, actor_user_id, actor_unit_code, actor_kind, at, data) SELECT m.id, NULL, m.state, 'report', NULL::integer, NULL::text, 'resident', m.created_at, '{"photo": false, "urgency": "ordinary", "householdId": null, "categoryCode": "infrastructure"}'::jsonb FROM m RETURNING id`;
  const follower = `INSERT INTO matter_followers (matter_id, kind, user_id, name, phone, created_at) SELECT m.id, 'reporter', NULL::integer, NULL::text, NULL::text, m.created_at FROM m WHERE false ON CONFLICT DO NOTHING`;
  const photo = `INSERT INTO matter_photos (matter_id, mime, size, data, created_at) SELECT m.id, NULL::text, NULL::integer, NULL::bytea, m.created_at FROM m WHERE false`;
  const audit = `INSERT INTO audit_events (at, actor_user_id, actor_name, action, entity_type, entity_id, unit_code, before, after, ip, request_id) SELECT ${now}, NULL, NULL, 'matter.report', 'matter', m.id::text, '${GROUP}', NULL, jsonb_build_object('state', 'reported', 'urgency', 'ordinary', 'categoryCode', 'infrastructure', 'reporterKind', 'resident', 'trackingCode', m.tracking_code), '127.0.0.1', 'pgbench' FROM m`;
  const domainEvent = `INSERT INTO domain_events (type, payload, at) SELECT 'matter.changed', '{"action": "report", "fromState": null, "toState": "reported", "actorUserId": null, "data": null, "notifyAlso": []}'::jsonb || jsonb_build_object('matterId', m.id, 'eventId', ev.id), ${now} FROM m, ev RETURNING id`;
  const deliveries = `INSERT INTO event_deliveries (event_id, handler) SELECT pub_e.id, s.handler FROM pub_e JOIN event_subscriptions s ON s.event_type = 'matter.changed'`;
  return `WITH m AS (${matter}), ev AS (${event}), f AS (${follower}), p AS (${photo}), a AS (${audit}), pub_e AS (${domainEvent}), pub_d AS (${deliveries}) SELECT m.id, ev.id FROM m, ev;\n`;
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

import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { escapeLike } from '../../db/like';

export type GroupBy = 'unit' | 'month' | 'department';

export interface RateRow {
  key: string | null;
  rate: string;
  den: number;
  num: number;
}

/**
 * All rates in one round trip: each branch scans the index on its own period date with the
 * subtree as a prefix, and groups by the child unit, the Beijing month or the lead department.
 */
export interface RateQuery {
  unitCode: string;
  from: Date;
  to: Date;
  now: Date;
  groupBy: GroupBy;
  childLength: number;
}

export async function rateCounts(db: Executor, q: RateQuery): Promise<RateRow[]> {
  const res = await db.execute(rateCountsSql(q));
  const out: RateRow[] = [];
  for (const r of (res as unknown as { rows: { key: string | null; rate: string; den: number | string; num: number | string; num2: number | string }[] })
    .rows) {
    // Both "settled where" rates share one scan: num counts in the village, num2 in the township.
    if (r.rate === 'settled') {
      out.push({ key: r.key, rate: 'settledInVillage', den: Number(r.den), num: Number(r.num) });
      out.push({ key: r.key, rate: 'settledInTownship', den: Number(r.den), num: Number(r.num2) });
    } else out.push({ key: r.key, rate: r.rate, den: Number(r.den), num: Number(r.num) });
  }
  return out;
}

/** The query on its own, so the bench can EXPLAIN what the service runs. */
export function rateCountsSql(q: RateQuery) {
  const prefix = `${escapeLike(q.unitCode)}%`;
  const key = (col: string) =>
    q.groupBy === 'unit'
      ? sql.raw(`case when length(unit_code) >= ${q.childLength} then left(unit_code, ${q.childLength}) end`)
      : q.groupBy === 'month'
        ? sql.raw(`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM')`)
        : sql.raw('lead_department_id::text');
  const from = q.from.toISOString();
  const to = q.to.toISOString();
  const now = q.now.toISOString();
  return sql`
    select ${key('respond_by')} as key, 'response' as rate, count(*)::int as den,
           count(*) filter (where responded_at <= respond_by)::int as num, 0 as num2
      from matter_facts
     where respond_by >= ${from}::timestamptz and respond_by < ${to}::timestamptz and unit_code like ${prefix}
       and (respond_by <= ${now}::timestamptz or responded_at is not null)
     group by 1
    union all
    select ${key('closed_at')}, 'resolution', count(*)::int, count(*) filter (where state = 'closed')::int, 0
      from matter_facts
     where closed_at >= ${from}::timestamptz and closed_at < ${to}::timestamptz and unit_code like ${prefix}
       and state in ('closed', 'closedUnresolved')
     group by 1
    union all
    select ${key('rated_at')}, 'satisfaction', count(*)::int, count(*) filter (where satisfaction in ('satisfied', 'basic'))::int, 0
      from matter_facts
     where rated_at >= ${from}::timestamptz and rated_at < ${to}::timestamptz and unit_code like ${prefix}
     group by 1
    union all
    select ${key('resolved_at')}, 'onTime', count(*)::int, count(*) filter (where resolved_at <= resolve_by)::int, 0
      from matter_facts
     where resolved_at >= ${from}::timestamptz and resolved_at < ${to}::timestamptz and unit_code like ${prefix}
     group by 1
    union all
    select ${key('resolved_at')}, 'settled', count(*)::int, count(*) filter (where settled_level in ('group', 'zone', 'village'))::int,
           count(*) filter (where settled_level in ('group', 'zone', 'village', 'township'))::int
      from matter_facts
     where resolved_at >= ${from}::timestamptz and resolved_at < ${to}::timestamptz and unit_code like ${prefix} and settled_level is not null
     group by 1
    union all
    select ${key('answered_at')}, 'reopen', count(*)::int, count(*) filter (where reopen_count > 0)::int, 0
      from matter_facts
     where answered_at >= ${from}::timestamptz and answered_at < ${to}::timestamptz and unit_code like ${prefix}
     group by 1`;
}

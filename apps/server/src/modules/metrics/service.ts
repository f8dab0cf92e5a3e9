import { CODE_LENGTH, childLevelOf, levelOfCode } from '@jiceng/shared';
import { type Ctx, requirePermission, requireScope, scopeOf } from '../../platform/context';
import { AppError, fieldError } from '../../platform/errors';
import * as orgLookup from '../org/lookup';
import { type GroupBy, rateCounts } from './repository';

export const RATES = ['response', 'resolution', 'satisfaction', 'onTime', 'reopen', 'settledInVillage', 'settledInTownship'] as const;
export type Rate = (typeof RATES)[number];
export const RATE_ZH: Record<Rate, string> = {
  response: '响应率',
  resolution: '解决率',
  satisfaction: '满意率',
  onTime: '按时办结率',
  reopen: '重启率',
  settledInVillage: '小事不出村社',
  settledInTownship: '大事不出乡镇',
};

export interface Fraction {
  num: number;
  den: number;
  rate: number | null;
}
export type MetricRow = { key: string; name: string } & Record<Rate, Fraction>;

const BEIJING = 8 * 3_600_000;

/** The Beijing month containing `d`: [first day 00:00, next month's first day 00:00). */
export function beijingMonth(d: Date): { from: Date; to: Date } {
  const local = new Date(d.getTime() + BEIJING);
  const from = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - BEIJING;
  const to = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - BEIJING;
  return { from: new Date(from), to: new Date(to) };
}

function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  let cur = beijingMonth(from).from;
  while (cur < to && out.length < 240) {
    out.push(new Date(cur.getTime() + BEIJING).toISOString().slice(0, 7));
    cur = beijingMonth(new Date(cur.getTime() + 40 * 86_400_000)).from;
  }
  return out;
}

function emptyRow(key: string, name: string): MetricRow {
  const row = { key, name } as MetricRow;
  for (const r of RATES) row[r] = { num: 0, den: 0, rate: null };
  return row;
}

function add(row: MetricRow, rate: Rate, num: number, den: number) {
  const f = row[rate];
  f.num += num;
  f.den += den;
  f.rate = f.den === 0 ? null : Math.round((f.num / f.den) * 10_000) / 10_000;
}

export interface MetricsQuery {
  unitCode?: string;
  from?: Date;
  to?: Date;
  groupBy: GroupBy;
}

export async function matterMetrics(ctx: Ctx, q: MetricsQuery) {
  requirePermission(ctx, 'metrics:read');
  const unitCode = q.unitCode ?? scopeOf(ctx);
  if (!unitCode) throw fieldError('unitCode', '请选择单位', 'choose a unit');
  const level = levelOfCode(unitCode);
  if (!level) throw new AppError('UNIT_CODE_INVALID', { code: unitCode }, { field: 'unitCode' });
  requireScope(ctx, unitCode);
  const unit = await orgLookup.findUnit(ctx, unitCode);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { code: unitCode }, { field: 'unitCode' });
  const month = beijingMonth(ctx.clock.now());
  const from = q.from ?? month.from;
  const to = q.to ?? month.to;
  if (from >= to) throw fieldError('to', '结束时间必须晚于开始时间', 'to must be after from');
  if (to.getTime() - from.getTime() > 10 * 366 * 86_400_000) throw fieldError('from', '时间范围不能超过 10 年', 'at most 10 years');
  const child = childLevelOf(level);
  const childLength = child ? CODE_LENGTH[child] : unitCode.length;

  const counts = await rateCounts(ctx.db, { unitCode, from, to, now: ctx.clock.now(), groupBy: q.groupBy, childLength });
  const total = emptyRow(unitCode, unit.name);
  const rows = new Map<string, MetricRow>();
  if (q.groupBy === 'unit') for (const c of await orgLookup.findChildren(ctx, unitCode)) rows.set(c.code, emptyRow(c.code, c.name));
  if (q.groupBy === 'month') for (const m of monthsBetween(from, to)) rows.set(m, emptyRow(m, m));
  for (const c of counts) {
    const rate = c.rate as Rate;
    add(total, rate, c.num, c.den);
    if (c.key === null) continue;
    let row = rows.get(c.key);
    if (!row) {
      row = emptyRow(c.key, c.key);
      rows.set(c.key, row);
    }
    add(row, rate, c.num, c.den);
  }
  if (q.groupBy === 'department')
    for (const row of rows.values()) {
      const d = await orgLookup.findDepartment(ctx, Number(row.key));
      if (d) row.name = d.name;
    }
  return { unitCode, unitName: unit.name, from, to, groupBy: q.groupBy, total, rows: [...rows.values()].sort((a, b) => a.key.localeCompare(b.key)) };
}

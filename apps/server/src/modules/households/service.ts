import { beijingDate, CODE_LENGTH, childLevelOf, levelOfCode, type Tier } from '@jiceng/shared';
import { type Ctx, readAll, requirePermission, requireScope, scopeOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import * as orgLookup from '../org/lookup';
import { loadHousehold, mayReveal } from './access';
import { householdListFilter } from './filters';
import { presentHousehold, presentSummary } from './presenter';
import * as repo from './repository';
import { households } from './tables';

export interface ListQuery {
  unitCode?: string;
  tier?: Tier;
  tags?: string;
  q?: string;
  linkage?: string;
  offset: number;
  limit: number;
}

/** Households in the actor's unit (or a unit below it), filtered, offset-paged with the total. */
export async function listHouseholds(ctx: Ctx, q: ListQuery) {
  requirePermission(ctx, 'household:read');
  if (q.unitCode) requireScope(ctx, q.unitCode);
  const extra = [];
  if (q.linkage) {
    const filter = householdListFilter('linkage');
    const cond = filter ? await filter.where(ctx, q.linkage, households.id) : null;
    if (!cond) throw new AppError('LIST_FILTER_UNAVAILABLE', { param: `linkage=${q.linkage}` }, { field: 'linkage' });
    extra.push(cond);
  }
  const tags = q.tags
    ?.split(/[,，]/)
    .map((t) => t.trim())
    .filter(Boolean);
  const prefix = q.unitCode ?? scopeOf(ctx);
  // Every household listed is inside `prefix`: one who may reveal there may search by ID number.
  const numbers = mayReveal(ctx, prefix) ? 'full' : 'tail';
  const { rows, total } = await repo.listHouseholds(ctx.db, { prefix, tier: q.tier, tags, q: q.q, numbers, extra }, q.offset, q.limit);
  return { items: rows.map(presentSummary), total, offset: q.offset, limit: q.limit };
}

export async function getHousehold(ctx: Ctx, id: number) {
  const { household, unitName } = await loadHousehold(ctx, id);
  const [members, history] = await readAll(ctx, [() => repo.findResidents(ctx.db, id), () => repo.findTierHistory(ctx.db, id)] as const);
  return presentHousehold(household, unitName, members, history, mayReveal(ctx, household.unitCode), beijingDate(ctx.clock.now()));
}

const zero = () => ({ red: 0, yellow: 0, blue: 0, total: 0 });

/** Households per tier for a unit and each of its children (dashboards). */
export async function tierCounts(ctx: Ctx, unitCode: string) {
  requirePermission(ctx, 'household:read');
  const level = levelOfCode(unitCode);
  if (!level) throw new AppError('UNIT_CODE_INVALID', { code: unitCode }, { field: 'unitCode' });
  requireScope(ctx, unitCode);
  if (!(await orgLookup.findUnit(ctx, unitCode))) throw new AppError('UNIT_NOT_FOUND', { code: unitCode }, { field: 'unitCode' });
  const childLevel = childLevelOf(level);
  const childLength = childLevel ? CODE_LENGTH[childLevel] : unitCode.length;
  const [rows, children] = await readAll(ctx, [
    () => repo.tierCountsByChild(ctx.db, unitCode, childLength),
    () => orgLookup.findChildren(ctx, unitCode),
  ] as const);
  const byChild = new Map(children.map((c) => [c.code, { code: c.code, name: c.name, level: c.level as string, ...zero() }]));
  const totals = zero();
  const direct = zero();
  for (const r of rows) {
    const bucket = byChild.get(r.code) ?? direct;
    bucket[r.tier] += r.n;
    bucket.total += r.n;
    totals[r.tier] += r.n;
    totals.total += r.n;
  }
  return { unitCode, totals, children: [...byChild.values()], direct };
}

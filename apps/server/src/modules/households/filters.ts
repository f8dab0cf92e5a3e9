import type { Column, SQL } from './repository';
import type { Ctx } from '../../platform/context';

/**
 * Extra list filters other modules provide without this module reading their tables: e.g. the
 * linkage module registers `linkage` (values such as linked / unlinked) and returns a condition
 * on the household id column, usually `households.id in (select … from its own table)`.
 * GET /api/households?linkage=<value> is then answered with that condition.
 */
export interface HouseholdListFilter {
  param: 'linkage';
  /** The condition for `value`, or null when the value is not one it knows (→ 400 naming the param). */
  where(ctx: Ctx, value: string, householdId: SQL | Column): SQL | null | Promise<SQL | null>;
}

const filters = new Map<string, HouseholdListFilter>();

export function registerHouseholdListFilter(filter: HouseholdListFilter): void {
  filters.set(filter.param, filter);
}

export function householdListFilter(param: string): HouseholdListFilter | undefined {
  return filters.get(param);
}

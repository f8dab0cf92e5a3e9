import { type Column, eq, type SQL, sql } from 'drizzle-orm';
import type { HouseholdListFilter } from '../households/filters';
import { linkages } from './tables';

/** Lets the register list filter by linkage status (?linkage=linked|unlinked|rep:<userId>) without reading this table itself. */
export const linkageFilter: HouseholdListFilter = {
  param: 'linkage',
  where(_ctx, value, householdId: SQL | Column): SQL | null {
    const linkedIds = sql`select ${linkages.householdId} from ${linkages}`;
    if (value === 'linked') return sql`${householdId} in (${linkedIds})`;
    if (value === 'unlinked') return sql`${householdId} not in (${linkedIds})`;
    const rep = /^rep:(\d{1,9})$/.exec(value);
    if (rep) return sql`${householdId} in (select ${linkages.householdId} from ${linkages} where ${eq(linkages.representativeUserId, Number(rep[1]))})`;
    return null;
  },
};

import type { HouseholdListFilter } from '../households/filters';
import { householdLinkCondition } from './repository';

/** Lets the register list filter by linkage status (?linkage=linked|unlinked|rep:<userId>) without reading this table itself. */
export const linkageFilter: HouseholdListFilter = {
  param: 'linkage',
  where(_ctx, value, householdId) {
    if (value === 'linked' || value === 'unlinked') return householdLinkCondition(householdId, value);
    const rep = /^rep:(\d{1,9})$/.exec(value);
    if (rep) return householdLinkCondition(householdId, { representativeUserId: Number(rep[1]) });
    return null;
  },
};

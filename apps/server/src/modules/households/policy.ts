import { can, isWithin } from '@jiceng/shared';
import type { Actor } from '../../platform/context';
import { householdsUnder, noHouseholds, type SQL } from './repository';

/**
 * Who may read, change and reveal a household: the role's permission and a unit that covers the
 * household's (never sideways). Pure; access.ts loads the row and turns a "no" into 404.
 */
export interface HouseholdPlace {
  unitCode: string;
}

/** The place rule every household-bound resource shares (linkage, visits): a unit that covers it. */
export const coversHousehold = (actor: Actor, h: HouseholdPlace) => isWithin(h.unitCode, actor.unitCode);
const covers = coversHousehold;

/** A household with its linked representative: what decides who may follow it. */
export interface LinkedHouseholdPlace extends HouseholdPlace {
  representativeUserId: number | null;
}

/** Its linked representative follows a household even from a unit that does not cover it. */
export const isOwnRepresentative = (actor: Actor, h: LinkedHouseholdPlace) => h.representativeUserId !== null && h.representativeUserId === actor.userId;

export function canRead(actor: Actor, h: HouseholdPlace): boolean {
  return can(actor.role, 'household:read') && covers(actor, h);
}

export function canWrite(actor: Actor, h: HouseholdPlace): boolean {
  return can(actor.role, 'household:write') && covers(actor, h);
}

/** pii:reveal and a unit that covers the household's: representatives and leaders never. */
export function canReveal(actor: Actor, h: HouseholdPlace): boolean {
  return can(actor.role, 'pii:reveal') && covers(actor, h);
}

/** `canRead` as a condition on the households table, for list queries (null: no restriction). */
export function readableHouseholds(actor: Actor): SQL | null {
  if (!can(actor.role, 'household:read')) return noHouseholds();
  return actor.unitCode === null ? null : householdsUnder(actor.unitCode);
}

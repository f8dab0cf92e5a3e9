import { can } from '@jiceng/shared';
import type { Actor } from '../../platform/context';
import { coversHousehold, isOwnRepresentative, type LinkedHouseholdPlace } from '../households/policy';

/**
 * Who may see and change which representative serves a household. Pure; the service loads the
 * household and turns a "no" into 404 (HOUSEHOLD_NOT_FOUND), never a 403 naming its unit.
 */
export function canReadLinkage(actor: Actor, h: LinkedHouseholdPlace): boolean {
  return can(actor.role, 'household:read') && (coversHousehold(actor, h) || isOwnRepresentative(actor, h));
}

/** Changing a link needs linkage:write and a unit that covers the household; a representative never. */
export function canChangeLinkage(actor: Actor, h: LinkedHouseholdPlace | { unitCode: string }): boolean {
  return can(actor.role, 'linkage:write') && coversHousehold(actor, h);
}

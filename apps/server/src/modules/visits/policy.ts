import { can, isWithin } from '@jiceng/shared';
import type { Actor } from '../../platform/context';
import { coversHousehold, isOwnRepresentative, type LinkedHouseholdPlace } from '../households/policy';

/**
 * Who may read and log a household's visits. Pure; the service loads the household's link and
 * turns a "no" into 404 (reading) or VISIT_NOT_LINKED (logging).
 */
export function canReadVisits(actor: Actor, h: LinkedHouseholdPlace): boolean {
  return can(actor.role, 'visit:read') && (coversHousehold(actor, h) || isOwnRepresentative(actor, h));
}

/** Only the household's own linked representative logs a visit to it (MISSION: 联户代表 走访). */
export function canLogVisit(actor: Actor, h: LinkedHouseholdPlace): boolean {
  return can(actor.role, 'visit:write') && isOwnRepresentative(actor, h);
}

/** A history import names the representative of each visit; it must be the household's, inside the unit imported. */
export function canImportVisit(unitCode: string, h: LinkedHouseholdPlace, representativeUserId: number): boolean {
  return h.representativeUserId === representativeUserId && isWithin(h.unitCode, unitCode);
}

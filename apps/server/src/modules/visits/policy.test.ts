import type { Role } from '@jiceng/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/context';
import { canChangeLinkage, canReadLinkage } from '../linkage/policy';
import { canImportVisit, canLogVisit, canReadVisits } from './policy';

const actor = (role: Role, unitCode: string | null, userId = 1): Actor => ({ userId, username: role, displayName: role, role, unitCode, departmentId: null });
// A household of 地河一组 served by representative 7.
const house = { unitCode: '5303032032110101', representativeUserId: 7 };
const village = actor('village', '530303203211');
const otherVillage = actor('village', '530303203201');
const ownRep = actor('representative', '5303032032110102', 7); // bound to the next group, still its representative
const otherRep = actor('representative', '5303032032110101', 8);

describe('visit and linkage policies (built on the household place rule)', () => {
  it('lets a covering unit and the household’s own representative read its visits and linkage, nobody sideways', () => {
    expect([canReadVisits(village, house), canReadLinkage(village, house)]).toEqual([true, true]);
    expect([canReadVisits(otherVillage, house), canReadLinkage(otherVillage, house)]).toEqual([false, false]);
    expect([canReadVisits(ownRep, house), canReadLinkage(ownRep, house)]).toEqual([true, true]);
    expect(canReadVisits(actor('department', '530303'), house)).toBe(false);
    expect(canReadVisits({ ...otherRep, unitCode: '5303032032110201' }, house)).toBe(false);
  });

  it('lets only the linked representative log a visit, and only a covering cadre change the link', () => {
    expect(canLogVisit(ownRep, house)).toBe(true);
    expect(canLogVisit(otherRep, house)).toBe(false);
    expect(canLogVisit(village, house)).toBe(false);
    expect(canLogVisit(ownRep, { ...house, representativeUserId: null })).toBe(false);
    expect(canChangeLinkage(village, house)).toBe(true);
    expect(canChangeLinkage(otherVillage, house)).toBe(false);
    expect(canChangeLinkage(ownRep, house)).toBe(false);
  });

  it('imports a visit only by the household’s representative inside the unit imported', () => {
    expect(canImportVisit('530303203211', house, 7)).toBe(true);
    expect(canImportVisit('530303203211', house, 8)).toBe(false);
    expect(canImportVisit('530303203201', house, 7)).toBe(false);
  });
});

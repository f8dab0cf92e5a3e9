import { ageOn, maskIdNumber, maskPhone } from '@jiceng/shared';
import type { z } from 'zod';
import type { HouseholdRow, ResidentRow, TierChangeRow } from './repository';
import type { householdOut, householdSummary, residentOut } from './schemas';

// Every list and detail masks ID numbers and phones; full values only come from reveal.ts. The
// birth date is the masked middle of the ID number, so a masked view shows the age instead: the
// birth date comes only with the audited reveal (docs/access.md).

export function presentSummary(r: {
  household: HouseholdRow;
  unitName: string;
  memberCount: number;
  headIdNumber: string | null;
}): z.output<typeof householdSummary> {
  const h = r.household;
  return {
    id: h.id,
    unitCode: h.unitCode,
    unitName: r.unitName,
    householdNo: h.householdNo,
    headName: h.headName,
    headIdNumber: maskIdNumber(r.headIdNumber),
    address: h.address,
    phone: maskPhone(h.phone),
    tier: h.tier,
    tierCategory: h.tierCategory,
    tags: h.tags,
    memberCount: r.memberCount,
    updatedAt: h.updatedAt,
  };
}

/** A member as every masked view shows them; `today` (YYYY-MM-DD, Beijing) dates the age. */
export function presentResident(r: ResidentRow, today: string): z.output<typeof residentOut> {
  return {
    id: r.id,
    name: r.name,
    relation: r.relation,
    gender: r.gender,
    age: ageOn(r.birthDate, today),
    idNumber: maskIdNumber(r.idNumber),
    phone: maskPhone(r.phone),
    ethnicity: r.ethnicity,
    politicalStatus: r.politicalStatus,
    partyMember: r.partyMember,
    occupation: r.occupation,
    livingStatus: r.livingStatus,
  };
}

export function presentHousehold(
  h: HouseholdRow,
  unitName: string,
  members: ResidentRow[],
  history: { change: TierChangeRow; changedByName: string | null }[],
  canReveal: boolean,
  today: string,
): z.output<typeof householdOut> {
  return {
    id: h.id,
    unitCode: h.unitCode,
    unitName,
    householdNo: h.householdNo,
    headName: h.headName,
    address: h.address,
    phone: maskPhone(h.phone),
    tier: h.tier,
    tierCategory: h.tierCategory,
    tags: h.tags,
    notes: h.notes,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    residents: members.map((m) => presentResident(m, today)),
    tierHistory: history.map(({ change: c, changedByName }) => ({
      id: c.id,
      fromTier: c.fromTier,
      toTier: c.toTier,
      category: c.category,
      reason: c.reason,
      changedBy: c.changedBy,
      changedByName,
      changedAt: c.changedAt,
    })),
    canReveal,
  };
}

/** What an audit row keeps of a household: no full ID numbers or phones in the log either. */
export function auditView(h: HouseholdRow, members: ResidentRow[] = []) {
  return {
    unitCode: h.unitCode,
    householdNo: h.householdNo,
    headName: h.headName,
    address: h.address,
    phone: maskPhone(h.phone),
    tier: h.tier,
    tierCategory: h.tierCategory,
    tags: h.tags,
    notes: h.notes,
    residents: members.map((m) => ({ id: m.id, name: m.name, relation: m.relation, idNumber: maskIdNumber(m.idNumber), phone: maskPhone(m.phone) })),
  };
}

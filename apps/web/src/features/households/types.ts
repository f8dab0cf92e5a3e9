import type { Tier } from '@jiceng/shared/tier';
import type { VisitKind } from '@jiceng/shared/visits';

/** Shapes of the households, linkage and visits APIs' answers (see the server's schemas.ts). */
export interface HouseholdSummary {
  id: number;
  unitCode: string;
  unitName: string;
  householdNo: string | null;
  headName: string;
  headIdNumber: string | null;
  address: string;
  phone: string | null;
  tier: Tier;
  tierCategory: string | null;
  tags: string[];
  memberCount: number;
  updatedAt: string;
}

export interface Resident {
  id: number;
  name: string;
  relation: string;
  gender: 'male' | 'female' | null;
  /** Whole years: the birth date (the masked middle of the ID number) comes only with the audited reveal. */
  age: number | null;
  idNumber: string | null;
  phone: string | null;
  ethnicity: string | null;
  politicalStatus: string | null;
  partyMember: boolean;
  occupation: string | null;
  livingStatus: string | null;
}

export interface TierChange {
  id: number;
  fromTier: Tier | null;
  toTier: Tier;
  category: string | null;
  reason: string;
  changedByName: string | null;
  changedAt: string;
}

export interface Household extends Omit<HouseholdSummary, 'memberCount' | 'headIdNumber'> {
  notes: string | null;
  createdAt: string;
  residents: Resident[];
  tierHistory: TierChange[];
  canReveal: boolean;
}

export interface Revealed {
  householdId: number;
  phone: string | null;
  residents: { id: number; name: string; idNumber: string | null; birthDate: string | null; phone: string | null }[];
}

export interface Person {
  userId: number;
  displayName: string;
  phone: string | null;
  unitCode: string | null;
}

export interface Linkage {
  householdId: number;
  unitCode: string;
  representative: Person | null;
  linkedAt: string | null;
}

export interface Visit {
  id: number;
  householdId: number;
  representativeName: string | null;
  kind: VisitKind;
  visitedAt: string;
  findings: string | null;
  needs: string | null;
  risks: string | null;
  clientKey: string;
  photos: { id: number; url: string }[];
}

export interface ImportIssue {
  row: number;
  column: string;
  field: string;
  zh: string;
  en: string;
}

export interface ImportResult {
  dryRun: boolean;
  ok: boolean;
  households: number;
  residents: number;
  byTier: Record<Tier, number>;
  updated: number;
  updates: ImportUpdate[];
  errorCount: number;
  errors: ImportIssue[];
  unknownColumns: string[];
  warnings: ImportIssue[];
}

/** One household an import with update=true changes, field by field. */
export interface ImportUpdate {
  row: number;
  householdId: number;
  headName: string;
  changes: { field: string; column: string; member: string | null; before: string | null; after: string | null }[];
}

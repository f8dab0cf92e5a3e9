import type { Tier } from '@jiceng/shared/tier';

export interface Proposal {
  unitCode: string;
  maxPerRep: number;
  households: number;
  kept: number;
  assignments: { householdId: number; representativeUserId: number; proximity: 'existing' | 'group' | 'zone' | 'village' }[];
  unassigned: { householdId: number; reason: 'noCapacity' | 'noRepresentative' }[];
  representatives: { representativeUserId: number; displayName: string; unitCode: string; load: number; reds: number }[];
}

export interface Counts {
  households: number;
  linked: number;
  unlinked: number;
}

export interface Coverage {
  unitCode: string;
  total: Counts;
  items: (Counts & { unitCode: string; name: string; level: string | null; byTier: Record<Tier, Counts> })[];
}

export interface Unlinked {
  total: number;
  items: { id: number; unitCode: string; tier: Tier; address: string; headName: string }[];
}

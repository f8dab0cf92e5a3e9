import type { Tier } from '@jiceng/shared/tier';
import type { VisitKind } from '@jiceng/shared/visits';

export interface DueVisit {
  householdId: number;
  unitCode: string;
  address: string;
  headName: string;
  tier: Tier;
  homeVisitRequired: boolean;
  lastVisitAt: string | null;
  lastVisitKind: VisitKind | null;
  dueAt: string;
  overdue: boolean;
  daysOverdue: number;
}

export interface Mine {
  linked: number;
  overdue: number;
  items: DueVisit[];
}

/** What the record page gets from the list it was opened from (so it works offline too). */
export interface VisitTarget {
  householdId: number;
  headName: string;
  address: string;
  tier: Tier;
  homeVisitRequired?: boolean;
}

/** A key the server dedups on; randomUUID needs a secure context, so plain-HTTP sites fall back. */
export function newClientKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

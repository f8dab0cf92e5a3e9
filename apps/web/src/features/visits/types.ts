import type { Tier } from '@jiceng/shared/tier';

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

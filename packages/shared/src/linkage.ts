/**
 * 联户 proposal: links every household of a village to one representative, without a database.
 * Rules, in order: existing links stay; a household goes to a representative of its own group,
 * else of its zone, else of its village (the nearest level that still has room); within that
 * level red households are spread (fewest reds first), then load is balanced (fewest households
 * first), then the lower id wins, so the same input always gives the same proposal. Nobody is
 * given more than `maxPerRep`: households that do not fit are reported, never forced.
 */

import type { Tier } from './tier';

export const DEFAULT_MAX_PER_REP = 30;

export interface ProposalHousehold {
  id: number;
  /** The household's unit: a group, or a zone/village not yet divided. */
  unitCode: string;
  tier: Tier;
  representativeUserId: number | null;
}

export interface ProposalRep {
  id: number;
  /** The representative's unit: a group (or a zone/village). */
  unitCode: string;
  /** Households linked to this representative now (in this village or anywhere). */
  load: number;
  /** Red households linked now; at least the red households of the input kept with this rep. */
  reds?: number;
}

export type Proximity = 'existing' | 'group' | 'zone' | 'village';

export interface ProposedAssignment {
  householdId: number;
  representativeUserId: number;
  proximity: Proximity;
}

export interface Unassignable {
  householdId: number;
  reason: 'noCapacity' | 'noRepresentative';
}

export interface Proposal {
  assignments: ProposedAssignment[];
  unassigned: Unassignable[];
  loads: { representativeUserId: number; load: number; reds: number }[];
}

const ZONE_LEN = 14;
const VILLAGE_LEN = 12;

/** How close a representative sits to a household, or null when in another village. */
export function proximityOf(householdUnit: string, repUnit: string): Exclude<Proximity, 'existing'> | null {
  if (householdUnit === repUnit) return 'group';
  if (householdUnit.length >= ZONE_LEN && repUnit.length >= ZONE_LEN && householdUnit.slice(0, ZONE_LEN) === repUnit.slice(0, ZONE_LEN)) return 'zone';
  if (householdUnit.slice(0, VILLAGE_LEN) === repUnit.slice(0, VILLAGE_LEN)) return 'village';
  return null;
}

const TIER_ORDER: Record<Tier, number> = { red: 0, yellow: 1, blue: 2 };
const LEVELS: Exclude<Proximity, 'existing'>[] = ['group', 'zone', 'village'];

export function proposeLinkage(households: readonly ProposalHousehold[], reps: readonly ProposalRep[], maxPerRep = DEFAULT_MAX_PER_REP): Proposal {
  const sortedReps = [...reps].sort((a, b) => a.id - b.id);
  const state = new Map(sortedReps.map((r) => [r.id, { rep: r, load: r.load, reds: r.reds ?? 0, keptLoad: 0, keptReds: 0 }]));
  const assignments: ProposedAssignment[] = [];
  const unassigned: Unassignable[] = [];
  const open: ProposalHousehold[] = [];

  for (const h of [...households].sort((a, b) => a.id - b.id)) {
    const s = h.representativeUserId === null ? undefined : state.get(h.representativeUserId);
    // A link to someone who is no longer an eligible representative is not kept.
    if (s && proximityOf(h.unitCode, s.rep.unitCode)) {
      s.keptLoad++;
      if (h.tier === 'red') s.keptReds++;
      assignments.push({ householdId: h.id, representativeUserId: s.rep.id, proximity: 'existing' });
    } else open.push(h);
  }
  // The caller's load already counts kept links; never count them below what the input shows.
  for (const s of state.values()) {
    s.load = Math.max(s.load, s.keptLoad);
    s.reds = Math.max(s.reds, s.keptReds);
  }

  open.sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || a.unitCode.localeCompare(b.unitCode) || a.id - b.id);
  for (const h of open) {
    const candidates = sortedReps.map((r) => ({ s: state.get(r.id) as NonNullable<ReturnType<typeof state.get>>, p: proximityOf(h.unitCode, r.unitCode) }));
    if (!candidates.some((c) => c.p)) {
      unassigned.push({ householdId: h.id, reason: 'noRepresentative' });
      continue;
    }
    let chosen: { s: (typeof candidates)[number]['s']; p: Exclude<Proximity, 'existing'> } | null = null;
    for (const level of LEVELS) {
      const room = candidates.filter((c) => c.p === level && c.s.load < maxPerRep);
      if (room.length === 0) continue;
      room.sort((a, b) => (h.tier === 'red' ? a.s.reds - b.s.reds : 0) || a.s.load - b.s.load || a.s.rep.id - b.s.rep.id);
      const best = room[0] as (typeof room)[number];
      chosen = { s: best.s, p: level };
      break;
    }
    if (!chosen) {
      unassigned.push({ householdId: h.id, reason: 'noCapacity' });
      continue;
    }
    chosen.s.load++;
    if (h.tier === 'red') chosen.s.reds++;
    assignments.push({ householdId: h.id, representativeUserId: chosen.s.rep.id, proximity: chosen.p });
  }

  assignments.sort((a, b) => a.householdId - b.householdId);
  unassigned.sort((a, b) => a.householdId - b.householdId);
  return {
    assignments,
    unassigned,
    loads: [...state.values()].map((s) => ({ representativeUserId: s.rep.id, load: s.load, reds: s.reds })),
  };
}

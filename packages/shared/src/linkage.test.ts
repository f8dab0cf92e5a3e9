import { describe, expect, it } from 'vitest';
import { type ProposalHousehold, type ProposalRep, proposeLinkage, proximityOf } from './linkage';

const V = '530303203211';
const G1 = `${V}0101`;
const G2 = `${V}0102`;
const G3 = `${V}0201`; // another zone
const hh = (id: number, unitCode: string, tier: ProposalHousehold['tier'] = 'blue', rep: number | null = null): ProposalHousehold => ({
  id,
  unitCode,
  tier,
  representativeUserId: rep,
});
const rep = (id: number, unitCode: string, load = 0, reds = 0): ProposalRep => ({ id, unitCode, load, reds });
const repOf = (p: ReturnType<typeof proposeLinkage>, householdId: number) => p.assignments.find((a) => a.householdId === householdId)?.representativeUserId;

describe('proximityOf', () => {
  it('ranks group, zone, village and refuses other villages', () => {
    expect(proximityOf(G1, G1)).toBe('group');
    expect(proximityOf(G1, G2)).toBe('zone');
    expect(proximityOf(G1, `${V}01`)).toBe('zone');
    expect(proximityOf(G1, G3)).toBe('village');
    expect(proximityOf(V, G1)).toBe('village');
    expect(proximityOf(G1, '5303032032120101')).toBeNull();
  });
});

describe('proposeLinkage', () => {
  it('prefers reps of the own group, then the zone, then the village', () => {
    const p = proposeLinkage([hh(1, G1), hh(2, G2), hh(3, G3)], [rep(10, G1), rep(20, G3)]);
    expect(p.assignments).toEqual([
      { householdId: 1, representativeUserId: 10, proximity: 'group' },
      { householdId: 2, representativeUserId: 10, proximity: 'zone' },
      { householdId: 3, representativeUserId: 20, proximity: 'group' },
    ]);
  });

  it('falls back to the next level only when the own group is full', () => {
    const p = proposeLinkage([hh(1, G1), hh(2, G1), hh(3, G1)], [rep(10, G1), rep(20, G2), rep(30, G3)], 2);
    expect(p.assignments.map((a) => [a.representativeUserId, a.proximity])).toEqual([
      [10, 'group'],
      [10, 'group'],
      [20, 'zone'],
    ]);
  });

  it('balances load among equally near reps', () => {
    const houses = Array.from({ length: 10 }, (_, i) => hh(i + 1, G1));
    const p = proposeLinkage(houses, [rep(10, G1, 3), rep(11, G1), rep(12, G1)]);
    const loads = Object.fromEntries(p.loads.map((l) => [l.representativeUserId, l.load]));
    expect(loads).toEqual({ 10: 5, 11: 4, 12: 4 });
  });

  it('spreads red households: nobody gets a second red while a peer has fewer', () => {
    // rep 11 already carries more households, yet takes the second red.
    const p = proposeLinkage([hh(1, G1, 'red'), hh(2, G1, 'red'), hh(3, G1, 'red'), hh(4, G1)], [rep(10, G1, 0), rep(11, G1, 2)]);
    const reds = Object.fromEntries(p.loads.map((l) => [l.representativeUserId, l.reds]));
    expect(reds).toEqual({ 10: 2, 11: 1 });
    expect(repOf(p, 1)).toBe(10);
    expect(repOf(p, 2)).toBe(11);
    expect(repOf(p, 3)).toBe(10);
  });

  it('counts reds a rep already holds when spreading', () => {
    const p = proposeLinkage([hh(1, G1, 'red')], [rep(10, G1, 1, 1), rep(11, G1, 5, 0)]);
    expect(repOf(p, 1)).toBe(11);
  });

  it('reports households that do not fit instead of overloading anyone', () => {
    const houses = Array.from({ length: 5 }, (_, i) => hh(i + 1, G1));
    const p = proposeLinkage(houses, [rep(10, G1, 1), rep(20, G3)], 2);
    expect(p.assignments).toHaveLength(3);
    expect(p.unassigned).toEqual([
      { householdId: 4, reason: 'noCapacity' },
      { householdId: 5, reason: 'noCapacity' },
    ]);
    expect(Math.max(...p.loads.map((l) => l.load))).toBe(2);
    const none = proposeLinkage([hh(1, G1)], []);
    expect(none.unassigned).toEqual([{ householdId: 1, reason: 'noRepresentative' }]);
  });

  it('keeps existing links, even above the maximum, and drops links to reps no longer eligible', () => {
    const p = proposeLinkage([hh(1, G1, 'blue', 20), hh(2, G1, 'blue', 20), hh(3, G1, 'blue', 99), hh(4, G1)], [rep(10, G1), rep(20, G2, 2)], 1);
    expect(p.assignments).toEqual([
      { householdId: 1, representativeUserId: 20, proximity: 'existing' },
      { householdId: 2, representativeUserId: 20, proximity: 'existing' },
      { householdId: 3, representativeUserId: 10, proximity: 'group' },
    ]);
    expect(p.unassigned).toEqual([{ householdId: 4, reason: 'noCapacity' }]);
  });

  it('is deterministic whatever the input order', () => {
    const houses = [hh(5, G2, 'red'), hh(1, G1), hh(3, G1, 'yellow'), hh(2, G1, 'red'), hh(4, G3)];
    const reps = [rep(12, G1), rep(10, G1), rep(11, G3)];
    const a = proposeLinkage(houses, reps, 2);
    const b = proposeLinkage([...houses].reverse(), [...reps].reverse(), 2);
    expect(b).toEqual(a);
  });
});

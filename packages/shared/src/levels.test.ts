import { describe, expect, it } from 'vitest';
import { handlerRolesAt, LEADER_ROLE, prefixed, ROLE_NAME_EN, ROLE_NAME_ZH, roleFitsLevel, UNIT_LEVEL_EN, UNIT_LEVEL_ZH } from './levels';
import { ROLE_LEVEL, ROLES } from './roles';
import { UNIT_LEVELS } from './units';

describe('level and role names', () => {
  it('names every level and role in both languages', () => {
    for (const l of UNIT_LEVELS) expect(UNIT_LEVEL_ZH[l] && UNIT_LEVEL_EN[l]).toBeTruthy();
    for (const r of ROLES) expect(ROLE_NAME_ZH[r] && ROLE_NAME_EN[r]).toBeTruthy();
    expect(UNIT_LEVEL_ZH.township).toBe('乡镇（街道）');
  });
  it('prefixes a dictionary for the web i18n', () => {
    expect(prefixed('level', UNIT_LEVEL_ZH)['level.zone']).toBe('片');
    expect(Object.keys(prefixed('role', ROLE_NAME_EN))).toHaveLength(ROLES.length);
  });
});

describe('roleFitsLevel', () => {
  it('binds each role to its own level', () => {
    for (const r of ROLES) {
      const own = ROLE_LEVEL[r];
      for (const l of UNIT_LEVELS) if (own && l !== own && r !== 'representative') expect(roleFitsLevel(r, l)).toBe(false);
      if (own) expect(roleFitsLevel(r, own)).toBe(true);
    }
  });
  it('lets a representative sit at a zone or village, not above', () => {
    expect(roleFitsLevel('representative', 'zone')).toBe(true);
    expect(roleFitsLevel('representative', 'village')).toBe(true);
    expect(roleFitsLevel('representative', 'township')).toBe(false);
  });
  it('needs a unit for every role but admin', () => {
    expect(roleFitsLevel('admin', null)).toBe(true);
    expect(roleFitsLevel('admin', 'village')).toBe(true);
    expect(roleFitsLevel('department', 'township')).toBe(true);
    for (const r of ROLES.filter((x) => x !== 'admin')) expect(roleFitsLevel(r, null)).toBe(false);
  });
});

describe('who works where', () => {
  it('names the matter handlers of each level (supervisors watch, never handle)', () => {
    expect(handlerRolesAt('group')).toEqual(['groupLeader', 'representative']);
    expect(handlerRolesAt('zone')).toEqual(['zoneLeader']);
    expect(handlerRolesAt('village')).toEqual(['village']);
    expect(handlerRolesAt('township')).toEqual(['township']);
    expect(handlerRolesAt('district')).toEqual(['district']);
  });
  it('leads zones and groups with the leader roles bound there', () => {
    for (const [level, role] of Object.entries(LEADER_ROLE)) expect(ROLE_LEVEL[role]).toBe(level);
  });
});

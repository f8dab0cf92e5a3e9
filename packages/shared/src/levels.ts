/**
 * The small lists about levels and roles that the server's messages, the CLI and the web app all
 * need, kept once: the names of the unit levels and roles (zh-CN and English), which role may sit
 * at which level, which role leads a zone or group, and who works a matter at each level.
 */
import { can, ROLE_LEVEL, ROLES, type Role } from './roles';
import type { UnitLevel } from './units';

export const UNIT_LEVEL_ZH: Record<UnitLevel, string> = {
  district: '区（县）',
  township: '乡镇（街道）',
  village: '村（社区）',
  zone: '片',
  group: '组',
};

export const UNIT_LEVEL_EN: Record<UnitLevel, string> = {
  district: 'District',
  township: 'Township',
  village: 'Village',
  zone: 'Zone',
  group: 'Group',
};

export const ROLE_NAME_ZH: Record<Role, string> = {
  admin: '系统管理员',
  district: '区级',
  township: '乡镇（街道）',
  village: '村（社区）两委',
  zoneLeader: '片长',
  groupLeader: '组长',
  representative: '村（居）民代表',
  department: '部门',
  supervisor: '人大监督',
};

export const ROLE_NAME_EN: Record<Role, string> = {
  admin: 'System administrator',
  district: 'District',
  township: 'Township',
  village: 'Village cadre',
  zoneLeader: 'Zone leader',
  groupLeader: 'Group leader',
  representative: 'Representative',
  department: 'Department',
  supervisor: "People's congress supervisor",
};

/** The role whose account leads (片长 / 组长) a zone or group. */
export const LEADER_ROLE = { zone: 'zoneLeader', group: 'groupLeader' } as const satisfies Partial<Record<UnitLevel, Role>>;

/**
 * Whether an account of `role` may be bound to a unit of `level` (null: no unit). Each role has
 * its level (ROLE_LEVEL; null there means any level or none); representatives may also sit at a
 * zone or village while groups are being drawn up. Every role but admin needs a unit.
 */
export function roleFitsLevel(role: Role, level: UnitLevel | null): boolean {
  if (level === null) return role === 'admin';
  const expected = ROLE_LEVEL[role];
  if (expected === null || expected === level) return true;
  return role === 'representative' && (level === 'village' || level === 'zone');
}

/** The roles that work a matter at a unit of `level`: bound to that level and allowed to handle. */
export function handlerRolesAt(level: UnitLevel): Role[] {
  return ROLES.filter((r) => ROLE_LEVEL[r] === level && can(r, 'matter:handle'));
}

/** `{ 'role.admin': …, … }` from `{ admin: … }`: a dictionary's keys under one prefix. */
export function prefixed<P extends string, K extends string>(prefix: P, names: Record<K, string>): Record<`${P}.${K}`, string> {
  return Object.fromEntries(Object.entries(names).map(([k, v]) => [`${prefix}.${k}`, v])) as Record<`${P}.${K}`, string>;
}

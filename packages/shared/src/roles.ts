/**
 * Roles and permissions, declared once. The server checks them on every route; the web app
 * uses them to build navigation. Scope (which units) is checked separately: see units.ts.
 */
export const ROLES = ['admin', 'district', 'township', 'village', 'zoneLeader', 'groupLeader', 'representative', 'department', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'unit:read',
  'unit:write',
  'unit:appoint',
  'user:read',
  'user:write',
  'department:write',
  'audit:read',
  'household:read',
  'household:write',
  'household:import',
  'pii:reveal',
  'linkage:write',
  'visit:read',
  'visit:write',
  'matter:read',
  'matter:report',
  'matter:handle',
  'matter:dispatch',
  'matter:config',
  'metrics:read',
  'webhook:write',
  'outbox:read',
  // The domain events' pending and failing deliveries (administrators only).
  'system:events',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OFFICE: Permission[] = [
  'unit:read',
  'unit:write',
  'unit:appoint',
  'user:read',
  'user:write',
  'household:read',
  'household:write',
  'household:import',
  'pii:reveal',
  'linkage:write',
  'visit:read',
  'matter:read',
  'matter:report',
  'matter:handle',
  'metrics:read',
  'webhook:write',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  district: [...OFFICE, 'department:write', 'audit:read', 'matter:dispatch', 'matter:config', 'outbox:read'],
  township: [...OFFICE, 'department:write', 'matter:dispatch'],
  village: OFFICE,
  zoneLeader: ['unit:read', 'household:read', 'visit:read', 'visit:write', 'matter:read', 'matter:report', 'matter:handle', 'metrics:read'],
  groupLeader: ['unit:read', 'household:read', 'visit:read', 'visit:write', 'matter:read', 'matter:report', 'matter:handle', 'metrics:read'],
  representative: ['unit:read', 'household:read', 'visit:read', 'visit:write', 'matter:read', 'matter:report', 'matter:handle'],
  // A department sees only the matters dispatched to it: no tree, no register.
  department: ['matter:read', 'matter:handle'],
  supervisor: ['unit:read', 'household:read', 'visit:read', 'matter:read', 'metrics:read', 'audit:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Rank for "who may create whom": a creator may only create roles strictly below its own. */
const RANK: Record<Role, number> = {
  admin: 100,
  district: 80,
  supervisor: 10,
  department: 10,
  township: 60,
  village: 40,
  zoneLeader: 30,
  groupLeader: 20,
  representative: 10,
};

export function mayManageRole(actor: Role, target: Role): boolean {
  if (actor === 'admin') return true;
  if ((target === 'department' || target === 'supervisor') && actor !== 'district') return false;
  return RANK[actor] > RANK[target];
}

/** The unit level each role is bound to (null: any level). */
export const ROLE_LEVEL: Record<Role, import('./units').UnitLevel | null> = {
  admin: null,
  district: 'district',
  township: 'township',
  village: 'village',
  zoneLeader: 'zone',
  groupLeader: 'group',
  representative: 'group',
  department: null,
  supervisor: 'district',
};

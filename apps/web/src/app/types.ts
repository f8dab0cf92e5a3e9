import type { Role } from '@jiceng/shared/roles';
import type { UnitLevel } from '@jiceng/shared/units';

/** Shapes of the API's answers, as the server's response schemas declare them. */
export interface Me {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  permissions: string[];
  mustChangePassword: boolean;
  demo: boolean;
}

export interface Leader {
  userId: number;
  displayName: string;
  phone: string | null;
}

export interface UnitSummary {
  code: string;
  name: string;
  level: UnitLevel;
  childCount: number;
  userCount: number;
  leader: Leader | null;
}

export interface Unit extends UnitSummary {
  officialName: string | null;
  parentCode: string | null;
  path: { code: string; name: string; level: UnitLevel }[];
  children: UnitSummary[];
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  phone: string | null;
  status: 'active' | 'disabled';
  locked: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Department {
  id: number;
  unitCode: string;
  unitName: string;
  name: string;
  phone: string | null;
  userCount: number;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitCode: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

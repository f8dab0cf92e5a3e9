import type { Role } from '@jiceng/shared/roles';
import type { MessageKey } from '../i18n';
import { SETTINGS_NAV_PERMISSION } from '../../features/settings/sections';

export interface NavItem {
  path: string;
  label: MessageKey;
  permission: string;
  /** Roles that land here after login (otherwise the first item they may open). */
  landing?: Role[];
}

/** The back office's areas, each shown only to roles holding its permission. */
export const NAV: NavItem[] = [
  { path: '/org', label: 'nav.org', permission: 'unit:read' },
  { path: '/users', label: 'nav.users', permission: 'user:read' },
  { path: '/departments', label: 'nav.departments', permission: 'department:write' },
  { path: '/audit', label: 'nav.audit', permission: 'audit:read' },
  { path: '/my-visits', label: 'nav.myVisits', permission: 'visit:write', landing: ['representative'] },
  { path: '/dashboard', label: 'nav.dashboard', permission: 'metrics:read' },
  { path: '/households', label: 'nav.register', permission: 'household:read' },
  { path: '/households/import', label: 'nav.import', permission: 'household:import' },
  { path: '/linkage', label: 'nav.linkage', permission: 'linkage:write' },
  { path: '/notifications', label: 'nav.notifications', permission: 'unit:read' },
  { path: '/matters', label: 'nav.matters', permission: 'matter:read', landing: ['department'] },
  { path: '/webhooks', label: 'nav.webhooks', permission: 'webhook:write' },
  { path: '/matter-metrics', label: 'nav.matterMetrics', permission: 'metrics:read' },
  { path: '/settings', label: 'nav.settings', permission: SETTINGS_NAV_PERMISSION },
];

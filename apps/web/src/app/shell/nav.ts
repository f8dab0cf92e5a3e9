import type { MessageKey } from '../i18n';

export interface NavItem {
  path: string;
  label: MessageKey;
  permission: string;
}

/** The back office's areas, each shown only to roles holding its permission. */
export const NAV: NavItem[] = [
  { path: '/org', label: 'nav.org', permission: 'unit:read' },
  { path: '/users', label: 'nav.users', permission: 'user:read' },
  { path: '/departments', label: 'nav.departments', permission: 'department:write' },
  { path: '/audit', label: 'nav.audit', permission: 'audit:read' },
];

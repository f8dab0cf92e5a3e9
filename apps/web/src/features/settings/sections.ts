import type { MessageKey } from '../../app/i18n';

export type SectionKey = 'categories' | 'cadence' | 'hotline' | 'api-keys';

/** Each section needs the permission of the API it writes (packages/shared/src/roles.ts). */
export const SECTIONS: { key: SectionKey; label: MessageKey; permission: string }[] = [
  { key: 'categories', label: 'settings.section.categories', permission: 'matter:config' },
  { key: 'cadence', label: 'settings.section.cadence', permission: 'linkage:write' },
  { key: 'hotline', label: 'settings.section.hotline', permission: 'unit:write' },
  { key: 'api-keys', label: 'settings.section.apiKeys', permission: 'matter:config' },
];

/**
 * The menu's one permission for the area: today every role holding any section's permission
 * holds unit:write (admin, district, township, village), as settings.test.ts checks.
 */
export const SETTINGS_NAV_PERMISSION = 'unit:write';

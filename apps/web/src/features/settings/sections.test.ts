import { ROLE_PERMISSIONS, ROLES } from '@jiceng/shared/roles';
import { describe, expect, it } from 'vitest';
import { SECTIONS, SETTINGS_NAV_PERMISSION } from './sections';

describe('settings sections', () => {
  it('the menu permission is held by every role that may open any section, and only by such roles', () => {
    for (const role of ROLES) {
      const perms = ROLE_PERMISSIONS[role];
      const anySection = SECTIONS.some((s) => perms.includes(s.permission as (typeof perms)[number]));
      expect({ role, menu: perms.includes(SETTINGS_NAV_PERMISSION) }).toEqual({ role, menu: anySection });
    }
  });
});

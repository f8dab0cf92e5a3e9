import { describe, expect, it } from 'vitest';
import { can, mayManageRole, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './roles';

describe('permissions', () => {
  it('gives admins everything', () => {
    for (const p of PERMISSIONS) expect(can('admin', p)).toBe(true);
  });
  it("keeps the people's congress read-only", () => {
    const writes = ROLE_PERMISSIONS.supervisor.filter((p) => !p.endsWith(':read'));
    expect(writes).toEqual([]);
  });
  it('lets departments see only matters, not the register', () => {
    expect(can('department', 'household:read')).toBe(false);
    expect(can('department', 'unit:read')).toBe(false);
    expect(can('department', 'matter:handle')).toBe(true);
  });
  it('declares every role', () => {
    for (const r of ROLES) expect(ROLE_PERMISSIONS[r]).toBeDefined();
  });
  it('lets a creator manage only lower roles', () => {
    expect(mayManageRole('village', 'representative')).toBe(true);
    expect(mayManageRole('village', 'village')).toBe(false);
    expect(mayManageRole('village', 'township')).toBe(false);
    expect(mayManageRole('township', 'department')).toBe(false);
    expect(mayManageRole('district', 'department')).toBe(true);
    expect(mayManageRole('district', 'admin')).toBe(false);
  });
});

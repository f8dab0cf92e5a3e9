import { isWithin, levelOfCode } from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission, requireScope, scopeOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import * as repo from './repository';

/**
 * Departments kept by the actor's unit and the units below it; with `unitCode` also those of a unit
 * above (a township dispatches matters to the district's departments, so it must be able to name them).
 */
export async function listDepartments(ctx: Ctx, unitCode?: string) {
  requirePermission(ctx, 'unit:read');
  if (unitCode && !scopeOf(ctx).startsWith(unitCode)) requireScope(ctx, unitCode);
  return repo.listDepartments(ctx.db, scopeOf(ctx), unitCode);
}

export async function getDepartment(ctx: Ctx, id: number) {
  const dept = await repo.findDepartment(ctx.db, id);
  if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND', { id }, { field: 'departmentId' });
  return dept;
}

/** Another unit's department answers like a missing one: a probe by id learns neither existence nor unit. */
async function loadInScope(ctx: Ctx, id: number) {
  const dept = await getDepartment(ctx, id);
  if (!isWithin(dept.unitCode, ctx.actor?.unitCode ?? null)) throw new AppError('DEPARTMENT_NOT_FOUND', { id }, { field: 'departmentId' });
  return dept;
}

export async function createDepartment(ctx: Ctx, input: { unitCode: string; name: string; phone?: string | null }) {
  requirePermission(ctx, 'department:write');
  requireScope(ctx, input.unitCode);
  const level = levelOfCode(input.unitCode);
  if (level !== 'district' && level !== 'township') throw new AppError('DEPARTMENT_UNIT_LEVEL', {}, { field: 'unitCode' });
  return inTransaction(ctx, async (tx) => {
    if (await repo.departmentNameTaken(tx.db, input.unitCode, input.name)) throw new AppError('DEPARTMENT_NAME_TAKEN', { name: input.name }, { field: 'name' });
    const { id } = await repo.insertDepartment(tx.db, { unitCode: input.unitCode, name: input.name, phone: input.phone ?? null, createdAt: tx.clock.now() });
    await recordAudit(tx, { action: 'department.create', entityType: 'department', entityId: id, unitCode: input.unitCode, after: input });
    return getDepartment(tx, id);
  });
}

export async function updateDepartment(ctx: Ctx, id: number, patch: { name?: string; phone?: string | null }) {
  requirePermission(ctx, 'department:write');
  return inTransaction(ctx, async (tx) => {
    const before = await loadInScope(tx, id);
    if (patch.name && (await repo.departmentNameTaken(tx.db, before.unitCode, patch.name, id)))
      throw new AppError('DEPARTMENT_NAME_TAKEN', { name: patch.name }, { field: 'name' });
    await repo.updateDepartment(tx.db, id, patch);
    await recordAudit(tx, { action: 'department.update', entityType: 'department', entityId: id, unitCode: before.unitCode, before, after: patch });
    return getDepartment(tx, id);
  });
}

export async function deleteDepartment(ctx: Ctx, id: number) {
  requirePermission(ctx, 'department:write');
  await inTransaction(ctx, async (tx) => {
    const before = await loadInScope(tx, id);
    if (before.userCount > 0)
      throw new AppError(
        'UNIT_NOT_EMPTY',
        { name: before.name, what: `${before.userCount} 个账号`, whatEn: `user accounts: ${before.userCount}` },
        { field: 'id' },
      );
    await repo.deleteDepartment(tx.db, id);
    await recordAudit(tx, { action: 'department.delete', entityType: 'department', entityId: id, unitCode: before.unitCode, before });
  });
}

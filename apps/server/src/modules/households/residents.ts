import { beijingDate } from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission } from '../../platform/context';
import { AppError, validationError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { loadHousehold } from './access';
import { auditView } from './presenter';
import * as repo from './repository';
import { getHousehold } from './service';
import { HEAD, normalizeRelation, type ResidentInput, validateResident } from './validate';

async function loadMember(ctx: Ctx, householdId: number, residentId: number) {
  const row = await loadHousehold(ctx, householdId);
  const members = await repo.findResidents(ctx.db, householdId);
  const member = members.find((m) => m.id === residentId);
  if (!member) throw new AppError('RESIDENT_NOT_FOUND', { id: residentId }, { field: 'residentId' });
  return { ...row, members, member };
}

async function ensureIdFree(ctx: Ctx, idNumber: string | null, exceptResidentId?: number) {
  if (!idNumber) return;
  if ((await repo.takenIdNumbers(ctx.db, [idNumber], exceptResidentId)).size)
    throw new AppError('ID_NUMBER_TAKEN', { field: 'idNumber' }, { field: 'idNumber' });
}

/** Adds a member (not a second head). */
export async function addResident(ctx: Ctx, householdId: number, input: ResidentInput) {
  requirePermission(ctx, 'household:write');
  return inTransaction(ctx, async (tx) => {
    const { household } = await loadHousehold(tx, householdId);
    const { value, errors } = validateResident(input, beijingDate(tx.clock.now()));
    if (errors.length) throw validationError(errors);
    if (value.relation === HEAD) throw new AppError('HOUSEHOLD_HEAD', {}, { field: 'relation' });
    await ensureIdFree(tx, value.idNumber);
    const now = tx.clock.now();
    const [row] = await repo.insertResidents(tx.db, [{ ...value, householdId, createdAt: now, updatedAt: now }]);
    await repo.updateHousehold(tx.db, householdId, { updatedAt: now });
    await recordAudit(tx, {
      action: 'resident.create',
      entityType: 'household',
      entityId: householdId,
      unitCode: household.unitCode,
      after: auditView(household, row ? [row] : []),
    });
    return getHousehold(tx, householdId);
  });
}

/** Edits a member; the head stays the head (keeping the household's head name in step). */
export async function updateResident(ctx: Ctx, householdId: number, residentId: number, patch: Partial<ResidentInput>) {
  requirePermission(ctx, 'household:write');
  return inTransaction(ctx, async (tx) => {
    const { household, member } = await loadMember(tx, householdId, residentId);
    const merged: ResidentInput = {
      ...member,
      ...patch,
      gender: patch.gender === undefined && patch.idNumber !== undefined ? null : (patch.gender ?? genderText(member.gender)),
    };
    if (patch.birthDate === undefined && patch.idNumber !== undefined) merged.birthDate = null;
    const { value, errors } = validateResident(merged, beijingDate(tx.clock.now()));
    if (errors.length) throw validationError(errors);
    if ((member.relation === HEAD) !== (value.relation === HEAD)) throw new AppError('HOUSEHOLD_HEAD', {}, { field: 'relation' });
    if (value.idNumber !== member.idNumber) await ensureIdFree(tx, value.idNumber, residentId);
    const now = tx.clock.now();
    const after = await repo.updateResident(tx.db, residentId, { ...value, updatedAt: now });
    await repo.updateHousehold(tx.db, householdId, { updatedAt: now, ...(value.relation === HEAD ? { headName: value.name } : {}) });
    await recordAudit(tx, {
      action: 'resident.update',
      entityType: 'household',
      entityId: householdId,
      unitCode: household.unitCode,
      before: auditView(household, [member]).residents,
      after: auditView(household, [after]).residents,
    });
    return getHousehold(tx, householdId);
  });
}

export async function removeResident(ctx: Ctx, householdId: number, residentId: number) {
  requirePermission(ctx, 'household:write');
  return inTransaction(ctx, async (tx) => {
    const { household, member } = await loadMember(tx, householdId, residentId);
    if (normalizeRelation(member.relation) === HEAD) throw new AppError('HEAD_NOT_REMOVABLE', {}, { field: 'residentId' });
    await repo.deleteResident(tx.db, residentId);
    await repo.updateHousehold(tx.db, householdId, { updatedAt: tx.clock.now() });
    await recordAudit(tx, {
      action: 'resident.delete',
      entityType: 'household',
      entityId: householdId,
      unitCode: household.unitCode,
      before: auditView(household, [member]).residents,
    });
    return getHousehold(tx, householdId);
  });
}

function genderText(g: 'male' | 'female' | null): string | null {
  return g === 'male' ? '男' : g === 'female' ? '女' : null;
}

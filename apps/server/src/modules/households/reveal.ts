import { type Ctx, inTransaction, requirePermission } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { loadHousehold, mayReveal } from './access';
import * as repo from './repository';

/**
 * The full ID numbers (with the birth dates they hold) and phones of a household (or some of its members), for pii:reveal roles
 * whose unit covers it. The audit row (who, which household, which fields) commits with the read.
 */
export async function revealHousehold(ctx: Ctx, id: number, input: { residentIds?: number[] }) {
  requirePermission(ctx, 'pii:reveal');
  return inTransaction(ctx, async (tx) => {
    const { household } = await loadHousehold(tx, id);
    if (!mayReveal(tx, household.unitCode)) throw new AppError('OUT_OF_SCOPE', { what: '该户', whatEn: 'This household' }, { field: 'id' });
    const members = await repo.findResidents(tx.db, id);
    const wanted = input.residentIds ? members.filter((m) => input.residentIds?.includes(m.id)) : members;
    const missing = input.residentIds?.find((rid) => !members.some((m) => m.id === rid));
    if (missing) throw new AppError('RESIDENT_NOT_FOUND', { id: missing }, { field: 'residentIds' });
    const fields = [...(wanted.some((m) => m.idNumber) ? ['idNumber'] : []), ...(wanted.some((m) => m.phone) || household.phone ? ['phone'] : [])];
    await recordAudit(tx, {
      action: 'pii.reveal',
      entityType: 'household',
      entityId: id,
      unitCode: household.unitCode,
      after: { fields, residentIds: wanted.map((m) => m.id) },
    });
    return {
      householdId: id,
      phone: household.phone,
      residents: wanted.map((m) => ({ id: m.id, name: m.name, idNumber: m.idNumber, birthDate: m.birthDate, phone: m.phone })),
    };
  });
}

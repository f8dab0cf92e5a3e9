import { can, CODE_LENGTH, isWithin, levelOfCode } from '@jiceng/shared';
import { type Ctx, requireActor, requirePermission, requireScope } from '../../platform/context';
import { AppError } from '../../platform/errors';
import * as orgLookup from '../org/lookup';
import * as repo from './repository';

/** A household the actor may read: 404 when missing, 403 (field id) outside the actor's unit. */
export async function loadHousehold(ctx: Ctx, id: number) {
  requirePermission(ctx, 'household:read');
  const row = await repo.findHousehold(ctx.db, id);
  if (!row) throw new AppError('HOUSEHOLD_NOT_FOUND', { id }, { field: 'id' });
  requireScope(ctx, row.household.unitCode, 'id');
  return row;
}

/** pii:reveal and a unit that covers the household's: representatives and leaders never. */
export function mayReveal(ctx: Ctx, unitCode: string): boolean {
  const actor = requireActor(ctx);
  return can(actor.role, 'pii:reveal') && isWithin(unitCode, actor.unitCode);
}

/**
 * Where a household may be placed: a group, or a village with no groups yet, inside the actor's
 * unit (403 naming `field` otherwise). Returns the unit.
 */
export async function resolvePlacement(ctx: Ctx, unitCode: string, field = 'unitCode') {
  const level = levelOfCode(unitCode);
  if (!level) throw new AppError('UNIT_CODE_INVALID', { code: unitCode }, { field });
  requireScope(ctx, unitCode, field);
  const unit = await orgLookup.findUnit(ctx, unitCode);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { code: unitCode }, { field });
  if (level === 'group') return unit;
  if (level === 'village' && (await orgLookup.childCodes(ctx, unitCode)).length === 0) return unit;
  throw new AppError('HOUSEHOLD_UNIT_LEVEL', {}, { field });
}

export function villageOf(unitCode: string): string {
  return unitCode.slice(0, CODE_LENGTH.village);
}

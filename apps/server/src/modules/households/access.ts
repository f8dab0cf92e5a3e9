import { CODE_LENGTH, levelOfCode } from '@jiceng/shared';
import { type Ctx, requireActor, requirePermission, requireScope } from '../../platform/context';
import { AppError } from '../../platform/errors';
import * as orgLookup from '../org/lookup';
import { canRead, canReveal } from './policy';
import * as repo from './repository';

/**
 * A household the actor may read (policy.ts `canRead`). Missing and out of reach answer the same
 * 404: a probe learns neither that the household exists nor where.
 */
export async function loadHousehold(ctx: Ctx, id: number) {
  const actor = requirePermission(ctx, 'household:read');
  const row = await repo.findHousehold(ctx.db, id);
  if (!row || !canRead(actor, row.household)) throw new AppError('HOUSEHOLD_NOT_FOUND', { id }, { field: 'id' });
  return row;
}

/** policy.ts `canReveal` for the household's unit. */
export function mayReveal(ctx: Ctx, unitCode: string): boolean {
  return canReveal(requireActor(ctx), { unitCode });
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

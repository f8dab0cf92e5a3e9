import type { Ctx } from '../../platform/context';
import * as repo from './repository';

/**
 * The register as other modules may read it: plain look-ups on the caller's connection (so
 * inside its transaction), no permission checks; the caller has already checked its actor.
 * Writes go through the households service.
 */
export const findHousehold = (ctx: Ctx, id: number) => repo.findHousehold(ctx.db, id);
/** The households under a unit code, first `limit` by address, with the total. */
export const listHouseholdsUnder = (ctx: Ctx, unitCode: string, limit: number) => repo.listHouseholds(ctx.db, { prefix: unitCode }, 0, limit);

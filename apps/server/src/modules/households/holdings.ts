import type { Ctx } from '../../platform/context';
import type { HoldingsCheck } from '../org/holdings';
import * as repo from './repository';

/** A group (or zone) that still has households cannot be deleted. */
export const householdHoldings: HoldingsCheck = { zh: '户', en: 'households', count: (ctx: Ctx, unitCode: string) => repo.countInUnit(ctx.db, unitCode) };

import type { Ctx } from '../../platform/context';
import { type HoldingsCheck, registerHoldingsCheck } from '../org/holdings';
import * as repo from './repository';

/** A group (or zone) that still has households cannot be deleted. */
const householdHoldings: HoldingsCheck = { zh: '户', en: 'households', count: (ctx: Ctx, unitCode: string) => repo.countInUnit(ctx.db, unitCode) };

export function registerHouseholdHoldings(): void {
  registerHoldingsCheck(householdHoldings);
}

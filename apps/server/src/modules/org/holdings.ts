import type { Ctx } from '../../platform/context';

/**
 * Other modules tell org what a unit still holds (users, households, matters …) so that a
 * non-empty zone or group is never deleted, without org reading their tables.
 */
export interface HoldingsCheck {
  zh: string;
  en: string;
  count(ctx: Ctx, unitCode: string): Promise<number>;
}

const checks: HoldingsCheck[] = [];

export function registerHoldingsCheck(check: HoldingsCheck): void {
  if (!checks.includes(check)) checks.push(check);
}

export function holdingsChecks(): readonly HoldingsCheck[] {
  return checks;
}

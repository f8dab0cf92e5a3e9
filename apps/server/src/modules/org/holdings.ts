import type { Ctx } from '../../platform/context';

/**
 * Other modules tell org what a unit still holds (users, households, matters …) so that a
 * non-empty zone or group is never deleted, without org reading their tables.
 */
export interface HoldingsCheck {
  /** With its measure word: 户, 件诉求, 个群机器人 (the refusal reads "3 户、1 件诉求"). */
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

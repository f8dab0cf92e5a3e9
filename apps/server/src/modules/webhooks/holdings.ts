import { countInSubtree } from '../../db/like';
import type { Ctx } from '../../platform/context';
import type { HoldingsCheck } from '../org/holdings';
import { webhookEndpoints } from './tables';

/**
 * Group robots of the unit. The foreign key would drop them (and their undelivered messages)
 * silently; a cadre removes them first (DELETE /api/webhooks/{id}, audited), then the unit.
 */
export const robotHoldings: HoldingsCheck = {
  zh: '个群机器人',
  en: 'group robots',
  count: (ctx: Ctx, unitCode: string) => countInSubtree(ctx.db, webhookEndpoints, webhookEndpoints.unitCode, unitCode),
};

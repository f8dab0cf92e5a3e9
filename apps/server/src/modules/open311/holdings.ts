import { countInSubtree } from '../../db/like';
import type { Ctx } from '../../platform/context';
import type { HoldingsCheck } from '../org/holdings';
import { apiKeys } from './tables';

/**
 * API keys bound to the unit, revoked ones included: a key is revoked, never deleted (the audit
 * names it), so a unit that ever had a key stays.
 */
export const apiKeyHoldings: HoldingsCheck = {
  zh: '个接口密钥',
  en: 'API keys',
  count: (ctx: Ctx, unitCode: string) => countInSubtree(ctx.db, apiKeys, apiKeys.unitCode, unitCode),
};

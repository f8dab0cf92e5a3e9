import { countInSubtree } from '../../db/like';
import type { Ctx } from '../../platform/context';
import type { HoldingsCheck } from '../org/holdings';
import { matters } from './tables';

/**
 * A zone or group that any matter lies in keeps it: matters are never deleted, so such a unit
 * stays. Only zones and groups can be deleted, and a matter is responsible at (or first received
 * by) a zone or group only when it lies in it; transfers go to villages and above. So the unit
 * code alone counts, on its index (matters_unit_created); a reference this misses still fails the
 * delete's foreign key, which org answers with the same UNIT_NOT_EMPTY.
 */
export const matterHoldings: HoldingsCheck = {
  zh: '件诉求',
  en: 'matters',
  count: (ctx: Ctx, unitCode: string) => countInSubtree(ctx.db, matters, matters.unitCode, unitCode),
};

import type { Ctx } from '../../platform/context';
import type { HoldingsCheck } from '../org/holdings';
import { countVisitsUnder } from './repository';

/**
 * The visit records of the unit's households (found through visit_due, which follows each
 * household's unit). They go only with their household, so the households check alone would
 * block; this names the history a deletion would touch.
 */
export const visitHoldings: HoldingsCheck = {
  zh: '条走访记录',
  en: 'visit records',
  count: (ctx: Ctx, unitCode: string) => countVisitsUnder(ctx.db, unitCode),
};

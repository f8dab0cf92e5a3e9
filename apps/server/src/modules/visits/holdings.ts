import { count, eq, like } from 'drizzle-orm';
import { escapeLike } from '../../db/like';
import type { Ctx } from '../../platform/context';
import type { HoldingsCheck } from '../org/holdings';
import { visitDue, visits } from './tables';

/**
 * The visit records of the unit's households (found through visit_due, which follows each
 * household's unit). They go only with their household, so the households check alone would
 * block; this names the history a deletion would touch.
 */
export const visitHoldings: HoldingsCheck = {
  zh: '条走访记录',
  en: 'visit records',
  async count(ctx: Ctx, unitCode: string) {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(visitDue)
      .innerJoin(visits, eq(visits.householdId, visitDue.householdId))
      .where(like(visitDue.unitCode, `${escapeLike(unitCode)}%`));
    return row?.n ?? 0;
  },
};

import { like, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { households } from '../households/tables';
import { linkages } from '../linkage/tables';
import { counted, ct, cv, dueAt, joinDue } from './repository';
import { visitState } from './tables';

/**
 * The summary's rows computed straight from the register, links, visit state and cadences, as the
 * summary did before visit_due. Not used to answer requests (it reads every household of the unit):
 * the tests and bench/visits.mjs check that the rollup gives exactly the same rows.
 */
export function summaryFromSources(db: Executor, unitCode: string, childLen: number, now: Date) {
  const child = sql<string>`left(${households.unitCode}, ${sql.raw(String(Math.trunc(childLen)))})`;
  return db
    .select({
      childCode: child,
      tier: households.tier,
      households: sql<number>`count(*)::int`,
      linked: sql<number>`count(${linkages.householdId})::int`,
      visited: sql<number>`(count(*) filter (where ${linkages.householdId} is not null and ${counted} is not null and ${dueAt} >= ${now}))::int`,
      overdue: sql<number>`(count(*) filter (where ${linkages.householdId} is not null and ${dueAt} < ${now}))::int`,
    })
    .from(households)
    .leftJoin(linkages, joinDue.linkages)
    .leftJoin(visitState, joinDue.visitState)
    .leftJoin(cv, joinDue.village)
    .leftJoin(ct, joinDue.township)
    .where(like(households.unitCode, `${unitCode}%`))
    .groupBy(child, households.tier);
}

import { and, desc, gte, inArray, like, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { matters } from '../matters/tables';
import { escapeLike } from '../../db/like';

/** Read-only: the matters module has no actor-free listing; this is the Open311 view of its rows. */
export function findRequests(
  db: Executor,
  q: { scope: string; codes?: string[]; serviceCode?: string; from?: Date; to?: Date; states?: readonly string[]; limit: number },
) {
  const where: SQL[] = [];
  if (q.from) where.push(gte(matters.createdAt, q.from));
  if (q.to) where.push(lte(matters.createdAt, q.to));
  if (q.scope) where.push(like(matters.unitCode, `${escapeLike(q.scope)}%`));
  if (q.codes) where.push(inArray(matters.trackingCode, q.codes));
  if (q.serviceCode) where.push(inArray(matters.categoryCode, [q.serviceCode]));
  if (q.states) where.push(inArray(matters.state, q.states as never[]));
  return db
    .select()
    .from(matters)
    .where(and(...where))
    .orderBy(desc(matters.createdAt), desc(matters.id))
    .limit(q.limit);
}

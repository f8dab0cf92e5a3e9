import { and, desc, gte, inArray, like, lte, type SQL } from 'drizzle-orm';
import { escapeLike } from '../../db/like';
import type { Ctx } from '../../platform/context';
import type { MatterRow } from './repository';
import { matters } from './tables';

export interface FeedQuery {
  /** A unit code prefix: matters placed in that unit or below ('' for all). */
  scope: string;
  /** Internal ids (Open311 resolves its public ids to these first). */
  ids?: number[];
  categoryCode?: string;
  from?: Date;
  to?: Date;
  states?: readonly string[];
  limit: number;
}

/**
 * Matters newest first, for integrations that present them in their own format (Open311). No
 * actor check here: the caller decides the scope (Open311: the API key's unit, or everything for
 * the spec's public read) and masks what it shows.
 */
export function listMattersFeed(ctx: Ctx, q: FeedQuery): Promise<MatterRow[]> {
  const where: SQL[] = [like(matters.unitCode, `${escapeLike(q.scope)}%`)];
  if (q.from) where.push(gte(matters.createdAt, q.from));
  if (q.to) where.push(lte(matters.createdAt, q.to));
  if (q.ids) where.push(inArray(matters.id, q.ids));
  if (q.categoryCode) where.push(inArray(matters.categoryCode, [q.categoryCode]));
  if (q.states) where.push(inArray(matters.state, q.states as never[]));
  return ctx.db
    .select()
    .from(matters)
    .where(and(...where))
    .orderBy(desc(matters.createdAt), desc(matters.id))
    .limit(q.limit);
}

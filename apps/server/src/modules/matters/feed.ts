import type { Ctx } from '../../platform/context';
import { type FeedWhere, type MatterRow, selectMattersFeed } from './repository';

export type FeedQuery = FeedWhere;

/**
 * Matters newest first, for integrations that present them in their own format (Open311). No
 * actor check here: the caller decides the scope (Open311: the API key's unit, or everything for
 * the spec's public read) and masks what it shows.
 */
export function listMattersFeed(ctx: Ctx, q: FeedQuery): Promise<MatterRow[]> {
  return selectMattersFeed(ctx.db, q);
}

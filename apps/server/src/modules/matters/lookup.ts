import type { Ctx } from '../../platform/context';
import * as repo from './repository';

/**
 * Matters as other modules may read them (open311, similar, metrics): plain look-ups on the
 * caller's connection, no permission or scope checks; the caller has checked its actor.
 * Changes go through the matters service (report, act).
 */
export type { MatterRow } from './repository';
export const findMatter = (ctx: Ctx, id: number) => repo.findMatter(ctx.db, id);
export const findMatterByCode = (ctx: Ctx, trackingCode: string) => repo.findMatterByCode(ctx.db, trackingCode);
export const listFollowers = (ctx: Ctx, matterIds: number[]) => repo.listFollowers(ctx.db, matterIds);
export const listDispatches = (ctx: Ctx, matterId: number) => repo.listDispatches(ctx.db, matterId);
/** The matters as they stand now, for handlers of `matter.changed` that keep state (metrics facts, the similar index). */
export const findMatters = (ctx: Ctx, ids: number[]) => repo.findMatters(ctx.db, ids);
/** Tracking code and description, for handlers that show a matter (chat cards). */
export const textsOf = (ctx: Ctx, ids: number[]) => repo.textsOf(ctx.db, ids);
export { type MatterChanged, matterChanged, type MatterSnapshot } from './events';

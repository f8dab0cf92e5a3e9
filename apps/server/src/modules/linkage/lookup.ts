import type { Ctx } from '../../platform/context';
import * as repo from './repository';

/** Linkage as other modules may read it (the caller checks its actor): each household's representative. */
export const householdsWithLinks = (ctx: Ctx, householdIds: number[]) => repo.householdsWithLinks(ctx.db, householdIds);
/** A household's unit, tier and representative (null: no such household). */
export const linkOf = async (ctx: Ctx, householdId: number) => (await repo.householdsWithLinks(ctx.db, [householdId]))[0] ?? null;

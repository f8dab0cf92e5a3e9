import type { UnitLevel } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import { ttlCache } from '../../platform/ttl-cache';
import * as repo from './repository';

/**
 * The organisation tree as other modules may read it: plain look-ups on the caller's connection
 * (so inside its transaction), no permission checks; the caller has already checked its actor.
 * Writes to units and departments go through org's service.
 */
export type { UnitRow, UnitSummaryRow } from './repository';

export const findUnit = (ctx: Ctx, code: string) => repo.findUnit(ctx.db, code);
export const findUnitSummary = (ctx: Ctx, code: string) => repo.findUnitSummary(ctx.db, code);
export const findChildren = (ctx: Ctx, code: string) => repo.findChildren(ctx.db, code);
export const childCodes = (ctx: Ctx, code: string) => repo.childCodes(ctx.db, code);
export const findUnits = (ctx: Ctx, codes: string[]) => repo.findUnits(ctx.db, codes);
export const findDepartment = (ctx: Ctx, id: number) => repo.findDepartment(ctx.db, id);
/** Units under `prefix` whose name or code matches `q`, of these levels: the caller decides the prefix (no scope check). */
export const searchUnitsUnder = (ctx: Ctx, prefix: string, q: string, limit: number, levels: readonly UnitLevel[]) =>
  repo.searchUnits(ctx.db, prefix, q, limit, levels);

/** The names from the village down to the unit, e.g. "地河村 地河一组" (what a resident recognises). */
export async function localPathName(ctx: Ctx, code: string): Promise<string | null> {
  // Village (12 digits), zone (14) and group (16): whichever of them the code has.
  const codes = [12, 14, 16].filter((n) => code.length >= n).map((n) => code.slice(0, n));
  const rows = await repo.findUnits(ctx.db, codes);
  if (!rows.some((r) => r.code === code)) return null;
  return rows.map((r) => r.name).join(' ');
}

// Chat cards name the units of every matter event: names change rarely, and a renamed unit may
// show its old name in a card for up to ten seconds.
const names = ttlCache<string>(10_000);

/** Code → name of these units, from a ten-second cache; unknown codes are left out (and not cached: one may be created next). */
export async function cachedUnitNames(ctx: Ctx, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const c of codes) {
    const hit = names.peek(ctx, c);
    if (hit) out.set(c, hit.value);
    else missing.push(c);
  }
  if (missing.length > 0)
    for (const r of await repo.findUnits(ctx.db, missing)) {
      names.set(ctx, r.code, r.name);
      out.set(r.code, r.name);
    }
  return out;
}

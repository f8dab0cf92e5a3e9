import { ACTIONS, matterActorOf, type UnitLevel } from '@jiceng/shared';
import { type Ctx, requirePermission } from '../../platform/context';
import { AppError } from '../../platform/errors';
import * as orgLookup from '../org/lookup';
import { loadVisible } from './access';

const TARGET_LEVELS: readonly UnitLevel[] = ['village', 'township', 'district'];

export interface TransferTarget {
  code: string;
  name: string;
  level: UnitLevel;
  /** The township of a village (two villages may share a name), else null. */
  townshipName: string | null;
}

/**
 * Where a matter may be transferred (转办): any village, township or the district of its own
 * district, the responsible unit excepted — sideways too, so the picker cannot be limited to the
 * actor's own subtree. Only codes and names (the public NBS division) are shown. Without `q`:
 * the matter's own village and township and the district.
 */
export async function transferTargets(ctx: Ctx, id: number, q: string | undefined): Promise<TransferTarget[]> {
  const actor = requirePermission(ctx, 'matter:handle');
  // Only those who may transfer (the machine's roles for `transfer`) are offered targets.
  const role = matterActorOf(actor.role);
  if (!role || !ACTIONS.transfer.roles.includes(role)) throw new AppError('FORBIDDEN', { permission: 'matter:handle' });
  const m = await loadVisible(ctx, id);
  const district = m.unitCode.slice(0, 6);
  const rows = q
    ? await orgLookup.searchUnitsUnder(ctx, district, q, 30, TARGET_LEVELS)
    : await orgLookup.findUnits(ctx, [m.unitCode.slice(0, 12), m.unitCode.slice(0, 9), district]);
  const candidates = rows.filter((u) => u.code !== m.responsibleUnitCode && TARGET_LEVELS.includes(u.level as UnitLevel));
  const townships = await orgLookup.cachedUnitNames(ctx, [...new Set(candidates.filter((u) => u.level === 'village').map((u) => u.code.slice(0, 9)))]);
  return candidates.map((u) => ({
    code: u.code,
    name: u.name,
    level: u.level as UnitLevel,
    townshipName: u.level === 'village' ? (townships.get(u.code.slice(0, 9)) ?? null) : null,
  }));
}

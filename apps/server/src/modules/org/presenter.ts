import type { UnitOut } from './schemas';
import type { UnitSummaryRow } from './repository';

export function presentSummary(row: UnitSummaryRow) {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    childCount: row.childCount,
    userCount: row.userCount,
    leader: row.leaderUserId ? { userId: row.leaderUserId, displayName: row.leaderName ?? '', phone: row.leaderPhone ?? null } : null,
  };
}

export function presentUnit(row: UnitSummaryRow, path: UnitOut['path'], children: UnitSummaryRow[]): UnitOut {
  return {
    ...presentSummary(row),
    officialName: row.officialName,
    parentCode: row.parentCode,
    path,
    children: children.map(presentSummary),
  };
}

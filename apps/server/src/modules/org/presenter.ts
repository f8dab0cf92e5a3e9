import type { z } from 'zod';
import type { UnitSummaryRow } from './repository';
import type { UnitOut, unitSummary } from './schemas';

export function presentSummary(row: UnitSummaryRow): z.output<typeof unitSummary> {
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

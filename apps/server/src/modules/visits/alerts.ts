import { CODE_LENGTH, DAY_MS, daysOverdue } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import type { Job } from '../../platform/jobs';
import { findUserIdsAt, findUsersBrief } from '../accounts/service';
import { notify } from '../notifications/service';
import * as repo from './repository';

/**
 * Overdue red households ("一周一上门" missed): the group leader is told at once; if the visit is
 * still missing `escalateDays` later (default 3, per cadence setting), the zone leader too. The
 * due date is part of each dedup key, so every overdue period is notified once, and a new one
 * (after a visit that was again too late) is notified afresh.
 */
export async function alertOverdueReds(ctx: Ctx): Promise<{ groupAlerts: number; zoneAlerts: number }> {
  const now = ctx.clock.now();
  const rows = await repo.overdueReds(ctx.db, now);
  if (rows.length === 0) return { groupAlerts: 0, zoneAlerts: 0 };
  const groupOf = (code: string) => (code.length >= CODE_LENGTH.group ? code.slice(0, CODE_LENGTH.group) : null);
  const zoneOf = (code: string) => (code.length >= CODE_LENGTH.zone ? code.slice(0, CODE_LENGTH.zone) : null);
  const codes = [...new Set(rows.flatMap((r) => [groupOf(r.unitCode), zoneOf(r.unitCode)]).filter((c): c is string => c !== null))];
  const leaders = await findUsersBrief(ctx, await findUserIdsAt(ctx, { unitCodes: codes, roles: ['groupLeader', 'zoneLeader'] }));
  const at = (unit: string | null, role: 'groupLeader' | 'zoneLeader') =>
    unit ? leaders.filter((u) => u.unitCode === unit && u.role === role).map((u) => u.id) : [];

  let groupAlerts = 0;
  let zoneAlerts = 0;
  for (const r of rows) {
    const due = r.dueAt.toISOString();
    const days = daysOverdue(r.dueAt, now);
    const common = {
      link: `/households/${r.householdId}`,
      entityType: 'household',
      entityId: r.householdId,
      unitCode: r.unitCode,
      params: { householdId: r.householdId, dueAt: due, daysOverdue: days },
    };
    groupAlerts += await notify(ctx, {
      ...common,
      userIds: at(groupOf(r.unitCode), 'groupLeader'),
      kind: 'visit.overdue',
      title: `红户走访超期：${r.headName}户（${r.address}）`,
      titleEn: `Red household visit overdue: ${r.headName} (${r.address})`,
      body: `应于 ${due.slice(0, 10)} 前上门走访，已超期。请督促联户代表尽快上门。`,
      bodyEn: `A home visit was due by ${due.slice(0, 10)} and is overdue. Please ask the representative to visit soon.`,
      dedupKey: `visit.overdue:${r.householdId}:${due}`,
    });
    if (now.getTime() - r.dueAt.getTime() > r.escalateDays * DAY_MS) {
      zoneAlerts += await notify(ctx, {
        ...common,
        userIds: at(zoneOf(r.unitCode), 'zoneLeader'),
        kind: 'visit.overdue.escalated',
        title: `红户走访超期 ${days} 天：${r.headName}户（${r.address}）`,
        titleEn: `Red household visit ${days} days overdue: ${r.headName} (${r.address})`,
        body: `组长提醒后仍未上门走访（应于 ${due.slice(0, 10)} 前）。`,
        bodyEn: `Still no home visit after the group leader's alert (due by ${due.slice(0, 10)}).`,
        dedupKey: `visit.overdue.escalated:${r.householdId}:${due}`,
      });
    }
  }
  return { groupAlerts, zoneAlerts };
}

export const overdueRedAlertJob: Job = {
  name: 'visits.overdueRedAlerts',
  everyMs: 15 * 60_000,
  run: async (ctx) => {
    await alertOverdueReds(ctx);
  },
};

import { levelOfCode, MATTER_STATE_ZH, type Role, type UnitLevel } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import { findUserIdsAt, findUserIdsInDepartments } from '../accounts/service';
import { notify } from '../notifications/service';
import type { MatterRow } from './repository';
import * as repo from './repository';

/** Who works a matter at each level of the tree. */
const ROLES_AT: Record<UnitLevel, Role[]> = {
  group: ['groupLeader', 'representative'],
  zone: ['zoneLeader'],
  village: ['village'],
  township: ['township'],
  district: ['district'],
};

function rolesAt(unitCode: string): Role[] {
  const level = levelOfCode(unitCode);
  return level ? ROLES_AT[level] : [];
}

async function unitUsers(ctx: Ctx, unitCodes: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const code of new Set(unitCodes)) out.push(...(await findUserIdsAt(ctx, { unitCodes: [code], roles: rolesAt(code) })));
  return out;
}

async function followerUsers(ctx: Ctx, m: MatterRow): Promise<number[]> {
  const rows = await repo.listFollowers(ctx.db, [m.id]);
  const ids = rows.map((r) => r.userId).filter((id): id is number => id !== null);
  if (m.reporterUserId) ids.push(m.reporterUserId);
  return ids;
}

/** The people who must act next (or who asked to hear) after a matter reached its new state. */
export async function recipients(ctx: Ctx, m: MatterRow, action: string): Promise<number[]> {
  switch (m.state) {
    case 'reported':
      return unitUsers(ctx, [m.unitCode]);
    case 'transmitted': {
      // The group leader and the zone leader above sort it (汇总).
      const codes = [m.unitCode];
      if (m.unitCode.length === 16) codes.push(m.unitCode.slice(0, 14));
      return unitUsers(ctx, codes);
    }
    case 'triaged':
    case 'escalated':
    case 'reopened':
      return unitUsers(ctx, [m.responsibleUnitCode]);
    case 'transferred':
      return unitUsers(ctx, [m.transferToUnitCode ?? m.responsibleUnitCode]);
    case 'dispatched':
    case 'accepted': {
      if (action === 'checkIn' || action === 'reply') return unitUsers(ctx, [m.responsibleUnitCode]);
      if (action === 'dispatch') {
        const ds = await repo.listDispatches(ctx.db, m.id);
        return findUserIdsInDepartments(
          ctx,
          ds.filter((d) => d.dispatch.active).map((d) => d.dispatch.departmentId),
        );
      }
      return followerUsers(ctx, m);
    }
    case 'resolved':
      return [...(await followerUsers(ctx, m)), ...(await unitUsers(ctx, [m.responsibleUnitCode]))];
    case 'answered':
    case 'rated':
    case 'closed':
    case 'closedUnresolved':
    case 'merged':
      return followerUsers(ctx, m);
    default: {
      const unreachable: never = m.state;
      throw new Error(`unknown state ${String(unreachable)}`);
    }
  }
}

/** One inbox message per recipient per event (the dedup key makes a retried sweep harmless). */
export async function notifyTransition(ctx: Ctx, m: MatterRow, action: string, eventId: number, extra: number[] = []): Promise<void> {
  const ids = [...(await recipients(ctx, m, action)), ...extra].filter((id) => id !== ctx.actor?.userId);
  await notify(ctx, {
    userIds: ids,
    kind: `matter.${action}`,
    title: `诉求${MATTER_STATE_ZH[m.state]}（${m.trackingCode}）`,
    titleEn: `Matter ${m.state} (${m.trackingCode})`,
    body: m.description.slice(0, 80),
    link: `/matters/${m.id}`,
    entityType: 'matter',
    entityId: m.id,
    unitCode: m.responsibleUnitCode,
    params: { action, state: m.state, trackingCode: m.trackingCode },
    dedupKey: `matter:${m.id}:event:${eventId}`,
  });
}

/** An overdue notice to the unit that let the clock run out (once per stage deadline). */
export async function notifyOverdue(ctx: Ctx, m: MatterRow, unitCode: string): Promise<void> {
  await notify(ctx, {
    userIds: await unitUsers(ctx, [unitCode]),
    kind: 'matter.overdue',
    title: `诉求超期（${m.trackingCode}）`,
    titleEn: `Matter overdue (${m.trackingCode})`,
    body: m.description.slice(0, 80),
    link: `/matters/${m.id}`,
    entityType: 'matter',
    entityId: m.id,
    unitCode,
    params: { state: m.state, stageDeadline: m.stageDeadline.toISOString() },
    dedupKey: `matter:${m.id}:overdue:${m.stageDeadline.getTime()}`,
  });
}

import { handlerRolesAt, levelOfCode, MATTER_STATE_ZH, type Role } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import { findUserIdsAt, findUserIdsInDepartments } from '../accounts/service';
import { notify, notifyAt } from '../notifications/service';
import type { MatterRow } from './repository';
import * as repo from './repository';

/** What deciding and writing a notice needs of a matter (a transition's snapshot plus its text). */
export type NotifyView = Pick<
  MatterRow,
  'id' | 'state' | 'unitCode' | 'responsibleUnitCode' | 'transferToUnitCode' | 'reporterUserId' | 'trackingCode' | 'description'
>;

function rolesAt(unitCode: string): Role[] {
  const level = levelOfCode(unitCode);
  return level ? handlerRolesAt(level) : [];
}

type UnitTarget = { unitCode: string; roles: Role[] };

const targetsAt = (codes: string[]): UnitTarget[] => [...new Set(codes)].map((unitCode) => ({ unitCode, roles: rolesAt(unitCode) }));

async function unitUsers(ctx: Ctx, unitCodes: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const t of targetsAt(unitCodes)) out.push(...(await findUserIdsAt(ctx, { unitCodes: [t.unitCode], roles: t.roles })));
  return out;
}

async function followerUsers(ctx: Ctx, m: NotifyView): Promise<number[]> {
  const rows = await repo.listFollowers(ctx.db, [m.id]);
  const ids = rows.map((r) => r.userId).filter((id): id is number => id !== null);
  if (m.reporterUserId) ids.push(m.reporterUserId);
  return ids;
}

/** When the people to tell are just those working at some units: which units (null otherwise). */
function unitTargets(m: NotifyView, action: string): UnitTarget[] | null {
  switch (m.state) {
    case 'reported':
      return targetsAt([m.unitCode]);
    case 'transmitted':
      // The group leader and the zone leader above sort it (汇总).
      return targetsAt(m.unitCode.length === 16 ? [m.unitCode, m.unitCode.slice(0, 14)] : [m.unitCode]);
    case 'triaged':
    case 'escalated':
    case 'reopened':
      return targetsAt([m.responsibleUnitCode]);
    case 'transferred':
      return targetsAt([m.transferToUnitCode ?? m.responsibleUnitCode]);
    case 'dispatched':
    case 'accepted':
      return action === 'checkIn' || action === 'reply' ? targetsAt([m.responsibleUnitCode]) : null;
    default:
      return null;
  }
}

/** The people who must act next (or who asked to hear) after a matter reached its new state. */
export async function recipients(ctx: Ctx, m: NotifyView, action: string): Promise<number[]> {
  const targets = unitTargets(m, action);
  if (targets)
    return unitUsers(
      ctx,
      targets.map((t) => t.unitCode),
    );
  switch (m.state) {
    case 'dispatched':
    case 'accepted': {
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
    case 'reported':
    case 'transmitted':
    case 'triaged':
    case 'escalated':
    case 'reopened':
    case 'transferred':
      return []; // unitTargets answered these above
    default: {
      const unreachable: never = m.state;
      throw new Error(`unknown state ${String(unreachable)}`);
    }
  }
}

/** What one transition tells: a matter as it now is, the action, and who else asked to hear. */
export interface Transition {
  m: NotifyView;
  action: string;
  eventId: number;
  extra?: number[];
  /** Who caused it: not told. */
  actorUserId?: number | null;
}

function transitionMessage({ m, action, eventId }: Transition) {
  return {
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
  };
}

/**
 * One inbox message per recipient per event (the dedup key makes a handler that runs an event
 * twice harmless). The common case (every report: the people of some units) goes for the whole
 * batch in one statement; the rest choose their recipients one by one.
 */
export async function notifyTransitions(ctx: Ctx, transitions: readonly Transition[]): Promise<void> {
  const byUnit: Parameters<typeof notifyAt>[1][number][] = [];
  for (const tr of transitions) {
    const message = transitionMessage(tr);
    const actor = tr.actorUserId ?? null;
    const targets = unitTargets(tr.m, tr.action);
    if (targets && !tr.extra?.length) {
      byUnit.push({ targets, message, exceptUserId: actor });
      continue;
    }
    const ids = [...(await recipients(ctx, tr.m, tr.action)), ...(tr.extra ?? [])].filter((id) => id !== actor);
    await notify(ctx, { userIds: ids, ...message });
  }
  await notifyAt(ctx, byUnit);
}

/** An overdue notice to the unit that let the clock run out (once per stage deadline). */
export async function notifyOverdue(ctx: Ctx, m: NotifyView & Pick<MatterRow, 'stageDeadline'>, unitCode: string): Promise<void> {
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

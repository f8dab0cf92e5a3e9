import { addHours, DEFAULT_LIMITS, type MatterCommand } from '@jiceng/shared';
import type { Actor, Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import * as orgLookup from '../org/lookup';
import type { MatterRow } from './repository';
import * as repo from './repository';

type DispatchCmd = Extract<MatterCommand, { action: 'dispatch' }>;

/**
 * 部门联动: one lead and any co-operating departments of the matter's township or district.
 * A new dispatch replaces the active one (the old rows stay as history). Returns the stage deadline.
 */
export async function dispatchDepartments(tx: Ctx, actor: Actor, m: MatterRow, cmd: DispatchCmd): Promise<{ stageDeadline: Date; departmentIds: number[] }> {
  const cooperate = [...new Set(cmd.cooperateDepartmentIds ?? [])];
  if (cooperate.includes(cmd.leadDepartmentId))
    throw new AppError(
      'MATTER_DISPATCH_DEPARTMENT',
      { field: 'cooperateDepartmentIds', reasonZh: '牵头部门不能同时是配合部门', reasonEn: 'the lead department cannot also co-operate' },
      { field: 'cooperateDepartmentIds' },
    );
  const allowedUnits = [m.unitCode.slice(0, 9), m.unitCode.slice(0, 6)];
  for (const [i, id] of [cmd.leadDepartmentId, ...cooperate].entries()) {
    const field = i === 0 ? 'leadDepartmentId' : `cooperateDepartmentIds.${i - 1}`;
    const dept = await orgLookup.findDepartment(tx, id);
    if (!dept) throw new AppError('MATTER_DISPATCH_DEPARTMENT', { field, reasonZh: `部门 ${id} 不存在`, reasonEn: `no department ${id}` }, { field });
    if (!allowedUnits.includes(dept.unitCode))
      throw new AppError(
        'MATTER_DISPATCH_DEPARTMENT',
        { field, reasonZh: `“${dept.name}”不属于本乡镇或本区`, reasonEn: `"${dept.name}" belongs to neither this township nor this district` },
        { field },
      );
  }
  const now = tx.clock.now();
  const checkInBy = addHours(now, DEFAULT_LIMITS.checkIn[m.urgency]);
  const replyBy = new Date(Math.max(m.resolveBy.getTime(), addHours(now, DEFAULT_LIMITS.respond[m.urgency]).getTime()));
  await repo.deactivateDispatches(tx.db, m.id);
  const ids = [cmd.leadDepartmentId, ...cooperate];
  await repo.insertDispatches(
    tx.db,
    ids.map((departmentId, i) => ({
      matterId: m.id,
      departmentId,
      role: i === 0 ? ('lead' as const) : ('cooperate' as const),
      dispatchedAt: now,
      dispatchedByUserId: actor.userId,
      checkInBy,
      replyBy,
    })),
  );
  return { stageDeadline: checkInBy, departmentIds: ids };
}

async function activeDispatchOf(tx: Ctx, actor: Actor, m: MatterRow) {
  const d = actor.departmentId === null ? null : await repo.findActiveDispatch(tx.db, m.id, actor.departmentId);
  if (!d) throw new AppError('MATTER_NOT_DISPATCHED', {}, { field: 'id' });
  return d;
}

/** 报到: the department confirms it has the matter. Returns the matter's next stage deadline. */
export async function checkIn(tx: Ctx, actor: Actor, m: MatterRow): Promise<{ stageDeadline: Date; role: string }> {
  const d = await activeDispatchOf(tx, actor, m);
  if (d.checkedInAt) throw new AppError('MATTER_TRANSITION_NOT_ALLOWED', { action: 'checkIn', state: m.state, actionZh: '报到', stateZh: '已报到' });
  const now = tx.clock.now();
  await repo.updateDispatch(tx.db, d.id, { checkedInAt: now, checkedInByUserId: actor.userId });
  const pending = await repo.pendingCheckIn(tx.db, m.id);
  // Once every department has checked in, the clock is the reply/resolve target.
  return { stageDeadline: pending ?? d.replyBy, role: d.role };
}

/** The department's answer (its part of the work). */
export async function reply(tx: Ctx, actor: Actor, m: MatterRow, text: string): Promise<{ role: string }> {
  const d = await activeDispatchOf(tx, actor, m);
  if (!d.checkedInAt) throw new AppError('MATTER_NOT_CHECKED_IN', {}, { field: 'reply' });
  await repo.updateDispatch(tx.db, d.id, { repliedAt: tx.clock.now(), repliedByUserId: actor.userId, reply: text });
  return { role: d.role };
}

/** Whether the lead department has replied (then the matter was settled with a department). */
export async function leadReplied(tx: Ctx, m: MatterRow): Promise<boolean> {
  const rows = await repo.listDispatches(tx.db, m.id);
  return rows.some((r) => r.dispatch.active && r.dispatch.role === 'lead' && r.dispatch.repliedAt !== null);
}

import type { MatterAction, MatterState } from '@jiceng/shared';
import { type Actor, type Ctx, requireActor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { type ActRefusal, canRead, type DispatchView } from './policy';
import type { MatterRow } from './repository';
import * as repo from './repository';

/** The dispatches the policy needs for this actor: a department's own; nobody else's rules read them. */
export async function dispatchesFor(ctx: Ctx, actor: Actor, matterId: number): Promise<DispatchView[]> {
  if (actor.role !== 'department' || actor.departmentId === null) return [];
  return repo.dispatchesOfDepartment(ctx.db, matterId, actor.departmentId);
}

/**
 * A matter the actor may read (policy.ts `canRead`), with the actor's dispatches of it. Out of
 * reach answers like missing: a matter's existence and place are not leaked sideways.
 */
export async function loadReadable(ctx: Ctx, id: number): Promise<{ m: MatterRow; dispatches: DispatchView[] }> {
  const actor = requireActor(ctx);
  const m = await repo.findMatter(ctx.db, id);
  const dispatches = m ? await dispatchesFor(ctx, actor, id) : [];
  if (!m || !canRead(actor, m, dispatches)) throw new AppError('MATTER_NOT_FOUND', { id }, { field: 'id' });
  return { m, dispatches };
}

export async function loadVisible(ctx: Ctx, id: number): Promise<MatterRow> {
  return (await loadReadable(ctx, id)).m;
}

/** The catalogue's error for a policy refusal (machine refusals are turned by transition.ts). */
export function scopeError(r: Exclude<ActRefusal, { kind: 'machine' }>, action: MatterAction, state: MatterState): AppError {
  switch (r.kind) {
    case 'permission':
      return new AppError('FORBIDDEN', { permission: r.permission });
    case 'topLevel':
      return new AppError('MATTER_TOP_LEVEL', {}, { field: 'action' });
    case 'scope':
      // The matter is readable here, so saying "not your stage" names nothing the actor cannot see.
      return new AppError('OUT_OF_SCOPE', { what: '该事项的当前环节', whatEn: "This matter's current stage" }, { field: 'responsibleUnitCode' });
    case 'notDispatched':
      return new AppError('MATTER_NOT_DISPATCHED', {}, { field: 'id' });
    case 'checkedIn':
      return new AppError('MATTER_TRANSITION_NOT_ALLOWED', { action, state, actionZh: '报到', stateZh: '已报到' }, { field: 'action' });
    case 'notCheckedIn':
      return new AppError('MATTER_NOT_CHECKED_IN', {}, { field: 'reply' });
    default: {
      const unreachable: never = r;
      throw new Error(`unknown refusal ${JSON.stringify(unreachable)}`);
    }
  }
}

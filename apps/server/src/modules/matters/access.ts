import { isWithin, type MatterAction } from '@jiceng/shared';
import { type Actor, type Ctx, requireActor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { MatterRow } from './repository';
import * as repo from './repository';

const covers = (actor: Actor, code: string | null) => code !== null && isWithin(code, actor.unitCode);

/** A matter the actor may read: its unit, responsible unit or transfer target is in scope, or it was dispatched to the actor's department. */
export async function loadVisible(ctx: Ctx, id: number): Promise<MatterRow> {
  const actor = requireActor(ctx);
  const m = await repo.findMatter(ctx.db, id);
  // Out of scope answers like missing: a matter's existence is not leaked sideways.
  if (!m || !(await mayRead(ctx, actor, m))) throw new AppError('MATTER_NOT_FOUND', { id }, { field: 'id' });
  return m;
}

async function mayRead(ctx: Ctx, actor: Actor, m: MatterRow): Promise<boolean> {
  if (actor.role === 'department') return actor.departmentId !== null && repo.hasAnyDispatch(ctx.db, m.id, actor.departmentId);
  return covers(actor, m.unitCode) || covers(actor, m.responsibleUnitCode) || covers(actor, m.transferToUnitCode);
}

/** Actions the people of the matter's own place may take even after it moved up the tree. */
const LOCAL: MatterAction[] = ['transmit', 'triage', 'settleOnSpot', 'feedback', 'rate', 'reopen'];

/** Whether the actor's unit may take this action on this matter (the machine decides the role). */
export function requireActScope(actor: Actor, m: MatterRow, action: MatterAction): void {
  if (actor.role === 'department') return; // checked against its dispatch
  const ok =
    covers(actor, m.responsibleUnitCode) ||
    (action === 'accept' && covers(actor, m.transferToUnitCode)) ||
    (LOCAL.includes(action) && covers(actor, m.unitCode));
  if (!ok) throw new AppError('OUT_OF_SCOPE', { what: '该事项的当前环节', whatEn: "This matter's current stage" }, { field: 'responsibleUnitCode' });
}

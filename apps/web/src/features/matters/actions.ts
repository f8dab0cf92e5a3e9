import type { Role } from '@jiceng/shared/roles';
import { reopenWindowEnds } from '@jiceng/shared/matters/deadlines';
import { ACTIONS, type MatterAction, matterActorOf } from '@jiceng/shared/matters/machine';
import type { Me } from '../../app/types';
import type { MatterDetail } from './types';

// The order buttons appear in: the usual next step first, the rarer ones after.
const ORDER: MatterAction[] = [
  'transmit',
  'triage',
  'accept',
  'checkIn',
  'reply',
  'dispatch',
  'resolve',
  'settleOnSpot',
  'feedback',
  'rate',
  'close',
  'escalate',
  'transfer',
  'reopen',
  'pause',
  'resume',
  'closeUnresolved',
];

/**
 * The actions the shared state machine allows this user on this matter now (the server checks
 * again; this only keeps impossible buttons off the screen). Merge is offered beside each similar matter.
 */
export function allowedActions(m: MatterDetail, me: Pick<Me, 'role' | 'permissions' | 'departmentId'>, now = new Date()): MatterAction[] {
  const actor = matterActorOf(me.role as Role);
  if (!actor || !me.permissions.includes('matter:handle')) return [];
  return ORDER.filter((a) => {
    const def = ACTIONS[a];
    if (!def.from.includes(m.state) || !def.roles.includes(actor)) return false;
    if (m.paused ? !def.whilePaused : a === 'resume') return false;
    if (a === 'dispatch' && !me.permissions.includes('matter:dispatch')) return false;
    if ((a === 'reopen' || a === 'rate') && m.answeredAt && now > reopenWindowEnds(new Date(m.answeredAt))) return false;
    if (a === 'close' && m.state === 'answered' && m.answeredAt && now <= reopenWindowEnds(new Date(m.answeredAt))) return false;
    if (a === 'checkIn' || a === 'reply') {
      const mine = m.dispatches.find((d) => d.active && d.departmentId === me.departmentId);
      if (!mine) return false;
      return a === 'checkIn' ? !mine.checkedInAt : !!mine.checkedInAt && !mine.repliedAt;
    }
    return true;
  });
}

/** Merging is for matters not yet accepted or still being sorted (see ACTIONS.merge). */
export function mayMerge(m: MatterDetail, role: string): boolean {
  const actor = matterActorOf(role as Role);
  return !!actor && ACTIONS.merge.from.includes(m.state) && ACTIONS.merge.roles.includes(actor);
}

import type { Role } from '../roles';
import { levelOfCode, type UnitLevel } from '../units';
import { DEFAULT_LIMITS, reopenWindowEnds, type TimeLimits } from './deadlines';
import type { Fixed, MatterActor, MatterState, Satisfaction, Urgency } from './states';

/** Every action a matter knows, with its payload. The server's zod schemas mirror these. */
export type MatterCommand =
  | { action: 'transmit'; note?: string }
  | { action: 'triage'; categoryCode?: string; urgency?: Urgency; note?: string }
  | { action: 'settleOnSpot'; result: string }
  | { action: 'accept'; note?: string }
  | { action: 'escalate'; reason: string }
  | { action: 'transfer'; targetUnitCode: string; reason: string }
  | { action: 'dispatch'; leadDepartmentId: number; cooperateDepartmentIds?: number[]; note?: string }
  | { action: 'checkIn'; note?: string }
  | { action: 'reply'; reply: string }
  | { action: 'resolve'; result: string }
  | { action: 'feedback'; message: string }
  | { action: 'rate'; satisfaction: Satisfaction; fixed: Fixed; comment?: string }
  | { action: 'reopen'; reason: string }
  | { action: 'merge'; targetId: number; note?: string }
  | { action: 'close'; note?: string }
  | { action: 'closeUnresolved'; reason: string }
  | { action: 'pause'; reason: string }
  | { action: 'resume'; note?: string };
export type MatterAction = MatterCommand['action'];

const BEFORE_ACCEPT: MatterState[] = ['reported', 'transmitted', 'triaged'];
const OPEN_UNRESOLVED: MatterState[] = [...BEFORE_ACCEPT, 'accepted', 'escalated', 'transferred', 'dispatched', 'reopened'];
const HANDLERS: MatterActor[] = ['village', 'township', 'district'];
const FIELD: MatterActor[] = ['representative', 'groupLeader', 'zoneLeader'];

export interface ActionDef {
  from: readonly MatterState[];
  roles: readonly MatterActor[];
  /** What the payload must carry (documentation; the schemas enforce it). */
  requires: string;
  /** Allowed while the clock is paused. */
  whilePaused?: boolean;
}

/** The machine: for each action, its from-states, who may take it and what it needs. */
export const ACTIONS: Record<MatterAction, ActionDef> = {
  transmit: { from: ['reported'], roles: FIELD, requires: '—' },
  triage: { from: ['reported', 'transmitted'], roles: ['groupLeader', 'zoneLeader', 'village'], requires: 'optional category/urgency correction' },
  settleOnSpot: { from: BEFORE_ACCEPT, roles: [...FIELD, 'village'], requires: 'result' },
  accept: { from: [...BEFORE_ACCEPT, 'escalated', 'transferred', 'reopened'], roles: HANDLERS, requires: '—' },
  escalate: { from: OPEN_UNRESOLVED, roles: ['village', 'township', 'system'], requires: 'reason; a level above exists' },
  transfer: {
    from: [...BEFORE_ACCEPT, 'accepted', 'escalated', 'reopened'],
    roles: HANDLERS,
    requires: 'targetUnitCode (village or above) and reason',
    whilePaused: true,
  },
  dispatch: { from: ['accepted', 'dispatched'], roles: ['township', 'district'], requires: 'leadDepartmentId (+ cooperateDepartmentIds)' },
  checkIn: { from: ['dispatched', 'escalated', 'accepted'], roles: ['department'], requires: 'an active dispatch to the department', whilePaused: true },
  reply: { from: ['dispatched', 'escalated', 'accepted'], roles: ['department'], requires: 'reply; checked in', whilePaused: true },
  resolve: { from: ['accepted', 'dispatched'], roles: HANDLERS, requires: 'result' },
  feedback: { from: ['resolved'], roles: [...FIELD, ...HANDLERS], requires: 'message to the reporter' },
  rate: { from: ['answered'], roles: ['resident', 'representative'], requires: 'satisfaction and fixed; within the window' },
  reopen: { from: ['answered', 'rated', 'closed'], roles: ['resident', 'representative', ...HANDLERS], requires: 'reason; within the window after the answer' },
  merge: {
    from: [...BEFORE_ACCEPT, 'accepted', 'escalated', 'transferred', 'reopened'],
    roles: ['groupLeader', 'zoneLeader', ...HANDLERS],
    requires: 'targetId of another open matter',
    whilePaused: true,
  },
  close: { from: ['answered', 'rated'], roles: [...HANDLERS, 'system'], requires: 'from answered: the rating window has passed' },
  closeUnresolved: { from: [...OPEN_UNRESOLVED, 'resolved'], roles: HANDLERS, requires: 'reason (shown to the reporter)', whilePaused: true },
  pause: { from: ['accepted', 'dispatched', 'reopened'], roles: HANDLERS, requires: 'reason; not paused' },
  resume: { from: ['accepted', 'dispatched', 'reopened'], roles: HANDLERS, requires: 'paused', whilePaused: true },
};
export const MATTER_ACTIONS = Object.keys(ACTIONS) as MatterAction[];

/** The machine's role for a logged-in role (admin acts as the district; a supervisor only reads). */
export function matterActorOf(role: Role): MatterActor | null {
  switch (role) {
    case 'admin':
    case 'district':
      return 'district';
    case 'township':
    case 'village':
    case 'zoneLeader':
    case 'groupLeader':
    case 'representative':
    case 'department':
      return role;
    case 'supervisor':
      return null;
    default: {
      const unreachable: never = role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}

export interface MachineMatter {
  state: MatterState;
  pausedAt: Date | null;
  answeredAt: Date | null;
}

export type Refusal =
  | { code: 'MATTER_TRANSITION_NOT_ALLOWED'; params: { action: MatterAction; state: MatterState } }
  | { code: 'MATTER_ROLE_NOT_ALLOWED'; params: { action: MatterAction; role: MatterActor } }
  | { code: 'MATTER_NOT_ANSWERED'; params: { state: MatterState } }
  | { code: 'MATTER_ALREADY_RATED'; params: { state: MatterState } }
  | { code: 'MATTER_REOPEN_WINDOW_CLOSED'; params: { until: string } }
  | { code: 'MATTER_RATING_PENDING'; params: { until: string } }
  | { code: 'MATTER_PAUSED'; params: { action: MatterAction } }
  | { code: 'MATTER_NOT_PAUSED'; params: Record<string, never> };

const NOT_YET_ANSWERED: MatterState[] = [...OPEN_UNRESOLVED, 'resolved'];

/** Why `actor` may not take `action` on `m` now, or null when it may. State first, then role, then guards. */
export function refusal(m: MachineMatter, action: MatterAction, actor: MatterActor, now: Date, limits: TimeLimits = DEFAULT_LIMITS): Refusal | null {
  const def = ACTIONS[action];
  if (!def.from.includes(m.state)) {
    if (action === 'rate' && NOT_YET_ANSWERED.includes(m.state)) return { code: 'MATTER_NOT_ANSWERED', params: { state: m.state } };
    if (action === 'rate' && (m.state === 'rated' || m.state === 'closed')) return { code: 'MATTER_ALREADY_RATED', params: { state: m.state } };
    return { code: 'MATTER_TRANSITION_NOT_ALLOWED', params: { action, state: m.state } };
  }
  if (!def.roles.includes(actor)) return { code: 'MATTER_ROLE_NOT_ALLOWED', params: { action, role: actor } };
  if (m.pausedAt && !def.whilePaused) return { code: 'MATTER_PAUSED', params: { action } };
  if (action === 'resume' && !m.pausedAt) return { code: 'MATTER_NOT_PAUSED', params: {} };
  if ((action === 'reopen' || action === 'rate') && m.answeredAt) {
    const until = reopenWindowEnds(m.answeredAt, limits);
    if (now > until) return { code: 'MATTER_REOPEN_WINDOW_CLOSED', params: { until: until.toISOString() } };
  }
  if (action === 'close' && m.state === 'answered' && actor !== 'system' && m.answeredAt) {
    const until = reopenWindowEnds(m.answeredAt, limits);
    if (now <= until) return { code: 'MATTER_RATING_PENDING', params: { until: until.toISOString() } };
  }
  return null;
}

/** A bad rating reopens the matter by itself: "not satisfied" or "not fixed" is not closed. */
export function ratingReopens(c: { satisfaction: Satisfaction; fixed: Fixed }): boolean {
  return c.satisfaction === 'unsatisfied' || c.fixed === 'not_fixed';
}

/** The state a command leads to (for an allowed command). Exhaustive: a new action will not compile until handled. */
export function nextState(m: MachineMatter, cmd: MatterCommand): MatterState {
  switch (cmd.action) {
    case 'transmit':
      return 'transmitted';
    case 'triage':
      return 'triaged';
    case 'settleOnSpot':
    case 'resolve':
      return 'resolved';
    case 'accept':
      return 'accepted';
    case 'escalate':
      return 'escalated';
    case 'transfer':
      return 'transferred';
    case 'dispatch':
      return 'dispatched';
    case 'checkIn':
    case 'reply':
    case 'pause':
    case 'resume':
      return m.state;
    case 'feedback':
      return 'answered';
    case 'rate':
      return ratingReopens(cmd) ? 'reopened' : 'rated';
    case 'reopen':
      return 'reopened';
    case 'merge':
      return 'merged';
    case 'close':
      return 'closed';
    case 'closeUnresolved':
      return 'closedUnresolved';
    default: {
      const unreachable: never = cmd;
      throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
    }
  }
}

/** One level up for escalation: group/zone → village → township → district; null at the top. */
export function escalationTarget(unitCode: string): string | null {
  const level = levelOfCode(unitCode);
  switch (level) {
    case 'group':
    case 'zone':
      return unitCode.slice(0, 12);
    case 'village':
      return unitCode.slice(0, 9);
    case 'township':
      return unitCode.slice(0, 6);
    case 'district':
    case null:
      return null;
    default: {
      const unreachable: never = level;
      throw new Error(`unknown level ${String(unreachable)}`);
    }
  }
}

/** The village a unit lies in (group/zone/village), or null above villages. */
export function villageOf(unitCode: string): string | null {
  return unitCode.length >= 12 ? unitCode.slice(0, 12) : null;
}

export function levelOf(unitCode: string): UnitLevel | null {
  return levelOfCode(unitCode);
}

import {
  can,
  DEFAULT_LIMITS,
  escalationTarget,
  isWithin,
  type MachineMatter,
  MATTER_ACTIONS,
  type MatterAction,
  matterActorOf,
  refusal,
  type TimeLimits,
} from '@jiceng/shared';
import type { Actor } from '../../platform/context';
import { dispatchedTo, matterIdWhere, readScopeCondition, type SQL } from './repository';

/**
 * Who may read and act on a matter: one rule, used by the single reads (access.ts), the
 * transitions (transition.ts), the detail's `allowedActions` and, through the SQL helpers below,
 * the lists and look-ups. Pure: the caller loads the matter and, for a department, its dispatches.
 */

/** Where a matter lies, as far as scope is concerned. */
export interface MatterPlace {
  unitCode: string;
  responsibleUnitCode: string;
  transferToUnitCode: string | null;
}
export type PolicyMatter = MatterPlace & MachineMatter;

/** A dispatch of the matter, as the department rules need it. */
export interface DispatchView {
  departmentId: number;
  active: boolean;
  checkedInAt: Date | null;
}

/** What an actor may read, as one value: the single reads and the list queries both start from it. */
export type ReadScope = { kind: 'units'; prefix: string } | { kind: 'department'; departmentId: number } | { kind: 'none' };

export function readScope(actor: Actor): ReadScope {
  if (!can(actor.role, 'matter:read')) return { kind: 'none' };
  // A department works across the district, so its unit says nothing: only what was sent to it.
  if (actor.role === 'department') return actor.departmentId === null ? { kind: 'none' } : { kind: 'department', departmentId: actor.departmentId };
  return { kind: 'units', prefix: actor.unitCode ?? '' };
}

const covers = (actor: Actor, code: string | null) => code !== null && isWithin(code, actor.unitCode);

/**
 * A unit actor reads what lies in its subtree, is its responsibility or is being transferred to it;
 * a department what was ever dispatched to it (its history stays readable once the dispatch ends).
 */
export function canRead(actor: Actor, m: MatterPlace, dispatches: readonly Pick<DispatchView, 'departmentId'>[] = []): boolean {
  const scope = readScope(actor);
  if (scope.kind === 'none') return false;
  if (scope.kind === 'department') return dispatches.some((d) => d.departmentId === scope.departmentId);
  return covers(actor, m.unitCode) || covers(actor, m.responsibleUnitCode) || covers(actor, m.transferToUnitCode);
}

/**
 * The audited reveal of a matter's contacts and texts: pii:reveal and a unit covering where the
 * matter lies (its place, not whoever handles it now: a township that took it over through a
 * transfer or escalation sees the contacts only if it covers the place too).
 */
export function canRevealContacts(actor: Actor, m: Pick<MatterPlace, 'unitCode'>): boolean {
  return can(actor.role, 'pii:reveal') && covers(actor, m.unitCode);
}

/** Actions the people of the matter's own place may take even after it moved up the tree. */
const LOCAL: readonly MatterAction[] = ['transmit', 'triage', 'settleOnSpot', 'feedback', 'rate', 'reopen'];

/** Whether the actor's unit answers for this action on this matter (the machine decides the role). */
export function inActScope(actor: Actor, m: MatterPlace, action: MatterAction): boolean {
  return (
    covers(actor, m.responsibleUnitCode) ||
    (action === 'accept' && covers(actor, m.transferToUnitCode)) ||
    (LOCAL.includes(action) && covers(actor, m.unitCode))
  );
}

/** Why an actor may not take an action; the caller turns it into the catalogue's error. */
export type ActRefusal =
  | { kind: 'permission'; permission: 'matter:handle' | 'matter:dispatch' }
  | { kind: 'machine'; refusal: NonNullable<ReturnType<typeof refusal>> }
  | { kind: 'topLevel' }
  | { kind: 'scope' }
  | { kind: 'notDispatched' }
  | { kind: 'checkedIn' }
  | { kind: 'notCheckedIn' };

export interface ActEnv {
  now: Date;
  /** The matter's dispatches (only a department's actions read them). */
  dispatches?: readonly DispatchView[];
  limits?: TimeLimits;
}

/**
 * Why `actor` may not take `action` on `m` now, or null. Order: permission, the machine (state,
 * role, guards), then scope. The caller has established that the actor may read the matter.
 */
export function actRefusal(actor: Actor, m: PolicyMatter, action: MatterAction, env: ActEnv): ActRefusal | null {
  const permission = action === 'dispatch' ? 'matter:dispatch' : 'matter:handle';
  const role = matterActorOf(actor.role);
  if (!role || !can(actor.role, permission)) return { kind: 'permission', permission };
  const r = refusal(m, action, role, env.now, env.limits ?? DEFAULT_LIMITS);
  if (r) return { kind: 'machine', refusal: r };
  if (action === 'escalate' && escalationTarget(m.responsibleUnitCode) === null) return { kind: 'topLevel' };
  if (actor.role === 'department') {
    // A department acts only through its active dispatch: check in once, then reply.
    const mine = (env.dispatches ?? []).find((d) => d.active && d.departmentId === actor.departmentId);
    if (!mine) return { kind: 'notDispatched' };
    if (action === 'checkIn' && mine.checkedInAt) return { kind: 'checkedIn' };
    if (action === 'reply' && !mine.checkedInAt) return { kind: 'notCheckedIn' };
    return null;
  }
  return inActScope(actor, m, action) ? null : { kind: 'scope' };
}

export function canAct(actor: Actor, m: PolicyMatter, action: MatterAction, env: ActEnv): boolean {
  return actRefusal(actor, m, action, env) === null;
}

/** Every action `canAct` allows now, in the machine's order (the detail's `allowedActions`). */
export function allowedActions(actor: Actor, m: PolicyMatter, env: ActEnv): MatterAction[] {
  return MATTER_ACTIONS.filter((a) => canAct(actor, m, a, env));
}

/**
 * Merging hands the duplicate's reporter and followers to whoever handles the target, so the actor
 * must answer for both ends, and both must be one place's problem: the same village.
 */
export function mergeTargetRefusal(actor: Actor, m: MatterPlace, target: MatterPlace): 'village' | 'scope' | null {
  if (m.unitCode.slice(0, 12) !== target.unitCode.slice(0, 12) || target.unitCode.length < 12) return 'village';
  return covers(actor, target.responsibleUnitCode) ? null : 'scope';
}

// — The same read rule for list queries (the SQL itself is built in repository.ts) —

/** `canRead` as a condition on the `matters` table itself (null: no restriction). */
export function readableMatters(actor: Actor): SQL | null {
  return readScopeCondition(readScope(actor));
}

/**
 * `canRead` as a condition on another table's matter id (another module's look-up, e.g. the
 * similar-matter index): the matters module hands out the piece, so the rule stays here.
 * `placeWithin`: a prefix the caller's query already holds the matter's place to.
 */
export function readableMatterId(actor: Actor, matterId: SQL, opts: { placeWithin?: string } = {}): SQL | null {
  const scope = readScope(actor);
  if (scope.kind === 'department') return dispatchedTo(scope.departmentId, matterId);
  // The caller's query already keeps the matter's place inside the actor's subtree: readable by the rule.
  if (scope.kind === 'units' && opts.placeWithin?.startsWith(scope.prefix)) return null;
  const where = readableMatters(actor);
  return where === null ? null : matterIdWhere(matterId, where);
}

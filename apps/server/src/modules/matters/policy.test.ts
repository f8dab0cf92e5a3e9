import type { MatterState, Role } from '@jiceng/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/context';
import { actRefusal, allowedActions, canAct, canRead, mergeTargetRefusal, type PolicyMatter, readScope } from './policy';

const GROUP = '5303032032110101';
const OTHER_GROUP = '5303032032110201'; // same village, other zone
const VILLAGE = '530303203211';
const OTHER_VILLAGE = '530303203201';
const TOWNSHIP = '530303203';
const now = new Date('2026-01-05T01:00:00Z');

const actor = (role: Role, unitCode: string | null, departmentId: number | null = null): Actor => ({
  userId: 1,
  username: role,
  displayName: role,
  role,
  unitCode,
  departmentId,
});
const matter = (patch: Partial<PolicyMatter> = {}): PolicyMatter => ({
  unitCode: GROUP,
  responsibleUnitCode: GROUP,
  transferToUnitCode: null,
  state: 'reported' as MatterState,
  pausedAt: null,
  answeredAt: null,
  ...patch,
});

describe('canRead', () => {
  it('a unit reads what lies, is handled or is being transferred in its subtree, never sideways', () => {
    expect(canRead(actor('groupLeader', GROUP), matter())).toBe(true);
    expect(canRead(actor('groupLeader', OTHER_GROUP), matter())).toBe(false);
    expect(canRead(actor('village', OTHER_VILLAGE), matter())).toBe(false);
    expect(canRead(actor('village', OTHER_VILLAGE), matter({ transferToUnitCode: OTHER_VILLAGE }))).toBe(true);
    // Escalated to the township: the group still reads it (it lies there).
    expect(canRead(actor('groupLeader', GROUP), matter({ responsibleUnitCode: TOWNSHIP }))).toBe(true);
    expect(canRead(actor('admin', null), matter())).toBe(true);
  });

  it('a department reads only what was dispatched to it, whatever its unit covers', () => {
    const dept = actor('department', '530303', 7);
    expect(readScope(dept)).toEqual({ kind: 'department', departmentId: 7 });
    expect(canRead(dept, matter())).toBe(false);
    expect(canRead(dept, matter(), [{ departmentId: 8 }])).toBe(false);
    expect(canRead(dept, matter(), [{ departmentId: 7 }])).toBe(true);
    expect(canRead(actor('department', '530303', null), matter(), [{ departmentId: 7 }])).toBe(false);
  });
});

describe('canAct', () => {
  it('follows the machine (state, role) and then the unit that answers for the stage', () => {
    const leader = actor('groupLeader', GROUP);
    expect(canAct(leader, matter(), 'triage', { now })).toBe(true);
    expect(actRefusal(leader, matter(), 'accept', { now })).toMatchObject({ kind: 'machine', refusal: { code: 'MATTER_ROLE_NOT_ALLOWED' } });
    expect(actRefusal(leader, matter({ state: 'resolved' }), 'triage', { now })).toMatchObject({ kind: 'machine' });
    // Once the village is responsible, the group leader may no longer merge it, but may still feed back.
    const atVillage = matter({ state: 'triaged', responsibleUnitCode: VILLAGE });
    expect(actRefusal(leader, atVillage, 'merge', { now })).toEqual({ kind: 'scope' });
    expect(canAct(leader, matter({ state: 'resolved', responsibleUnitCode: VILLAGE }), 'feedback', { now })).toBe(true);
    expect(canAct(actor('village', VILLAGE), atVillage, 'accept', { now })).toBe(true);
    expect(actRefusal(actor('village', OTHER_VILLAGE), atVillage, 'accept', { now })).toEqual({ kind: 'scope' });
    expect(canAct(actor('village', OTHER_VILLAGE), { ...atVillage, transferToUnitCode: OTHER_VILLAGE }, 'accept', { now })).toBe(true);
  });

  it('needs the permission: a supervisor reads only, dispatching needs matter:dispatch', () => {
    expect(actRefusal(actor('supervisor', '530303'), matter(), 'triage', { now })).toEqual({ kind: 'permission', permission: 'matter:handle' });
    const accepted = matter({ state: 'accepted', responsibleUnitCode: VILLAGE });
    expect(actRefusal(actor('village', VILLAGE), accepted, 'dispatch', { now })).toEqual({ kind: 'permission', permission: 'matter:dispatch' });
    expect(canAct(actor('township', TOWNSHIP), accepted, 'dispatch', { now })).toBe(true);
  });

  it('a department acts only through its active dispatch: check in once, then reply', () => {
    const dept = actor('department', '530303', 7);
    const m = matter({ state: 'dispatched', responsibleUnitCode: TOWNSHIP });
    expect(actRefusal(dept, m, 'checkIn', { now, dispatches: [{ departmentId: 7, active: false, checkedInAt: null }] })).toEqual({ kind: 'notDispatched' });
    const open = [{ departmentId: 7, active: true, checkedInAt: null }];
    expect(allowedActions(dept, m, { now, dispatches: open })).toEqual(['checkIn']);
    const checked = [{ departmentId: 7, active: true, checkedInAt: now }];
    expect(allowedActions(dept, m, { now, dispatches: checked })).toEqual(['reply']);
  });

  it('escalation needs a level above', () => {
    expect(actRefusal(actor('admin', null), matter({ state: 'accepted', responsibleUnitCode: '530303' }), 'escalate', { now })).toMatchObject({
      kind: 'machine',
    });
    expect(actRefusal(actor('township', TOWNSHIP), matter({ state: 'accepted', responsibleUnitCode: TOWNSHIP }), 'escalate', { now })).toBeNull();
  });

  it('allowedActions lists exactly what canAct allows', () => {
    const v = actor('village', VILLAGE);
    const m = matter({ state: 'triaged', responsibleUnitCode: VILLAGE });
    expect(allowedActions(v, m, { now })).toEqual(['settleOnSpot', 'accept', 'escalate', 'transfer', 'merge', 'closeUnresolved']);
    expect(allowedActions(actor('village', OTHER_VILLAGE), m, { now })).toEqual([]);
  });
});

describe('mergeTargetRefusal', () => {
  it('keeps merges inside one village and inside what the actor handles', () => {
    const leader = actor('groupLeader', GROUP);
    expect(mergeTargetRefusal(leader, matter(), matter())).toBeNull();
    expect(mergeTargetRefusal(leader, matter(), matter({ unitCode: `${OTHER_VILLAGE}0101`, responsibleUnitCode: `${OTHER_VILLAGE}0101` }))).toBe('village');
    expect(mergeTargetRefusal(leader, matter(), matter({ unitCode: OTHER_GROUP, responsibleUnitCode: OTHER_GROUP }))).toBe('scope');
    expect(mergeTargetRefusal(leader, matter(), matter({ responsibleUnitCode: VILLAGE }))).toBe('scope');
    const v = actor('village', VILLAGE);
    expect(mergeTargetRefusal(v, matter(), matter({ unitCode: OTHER_GROUP, responsibleUnitCode: VILLAGE }))).toBeNull();
    expect(mergeTargetRefusal(actor('district', '530303'), matter(), matter({ unitCode: OTHER_VILLAGE, responsibleUnitCode: OTHER_VILLAGE }))).toBe('village');
  });
});

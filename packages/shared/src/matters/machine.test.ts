import { describe, expect, it } from 'vitest';
import { ACTIONS, escalationTarget, MATTER_ACTIONS, type MatterAction, matterActorOf, nextState, refusal } from './machine';
import { MATTER_ACTORS, MATTER_STATES, type MatterState } from './states';

const now = new Date('2026-01-05T01:00:00Z');
const answeredAt = new Date('2026-01-04T01:00:00Z');
const m = (state: MatterState, pausedAt: Date | null = null) => ({ state, pausedAt, answeredAt });

describe('the matter machine, every (state, action, role)', () => {
  // The full table is generated from the definition; the hand-written cases below pin the meaning.
  for (const state of MATTER_STATES)
    for (const action of MATTER_ACTIONS)
      for (const actor of MATTER_ACTORS) {
        const def = ACTIONS[action];
        const allowed = def.from.includes(state) && def.roles.includes(actor);
        it(`${state} · ${action} · ${actor} → ${allowed ? 'allowed' : 'refused'}`, () => {
          const r = refusal(m(state), action, actor, now);
          // Guards on top of the table: resume needs a pause; an answered matter waits for its rating.
          if (action === 'resume' && allowed) return expect(r?.code).toBe('MATTER_NOT_PAUSED');
          if (action === 'close' && state === 'answered' && actor !== 'system' && allowed) return expect(r?.code).toBe('MATTER_RATING_PENDING');
          if (allowed) return expect(r).toBeNull();
          if (!def.from.includes(state)) {
            const expected =
              action === 'rate' && !['answered', 'rated', 'closed', 'closedUnresolved', 'merged'].includes(state)
                ? 'MATTER_NOT_ANSWERED'
                : action === 'rate' && (state === 'rated' || state === 'closed')
                  ? 'MATTER_ALREADY_RATED'
                  : 'MATTER_TRANSITION_NOT_ALLOWED';
            return expect(r?.code).toBe(expected);
          }
          expect(r).toEqual({ code: 'MATTER_ROLE_NOT_ALLOWED', params: { action, role: actor } });
        });
      }
});

describe('the meaning of the table', () => {
  const ok = (state: MatterState, action: MatterAction, actor: (typeof MATTER_ACTORS)[number]) => refusal(m(state), action, actor, now) === null;
  it('the loop: report → transmit → triage → accept → dispatch → resolve → feedback → rate', () => {
    expect(ok('reported', 'transmit', 'representative')).toBe(true);
    expect(ok('transmitted', 'triage', 'groupLeader')).toBe(true);
    expect(ok('triaged', 'accept', 'village')).toBe(true);
    expect(ok('accepted', 'escalate', 'village')).toBe(true);
    expect(ok('escalated', 'accept', 'township')).toBe(true);
    expect(ok('accepted', 'dispatch', 'township')).toBe(true);
    expect(ok('dispatched', 'checkIn', 'department')).toBe(true);
    expect(ok('dispatched', 'resolve', 'township')).toBe(true);
    expect(ok('resolved', 'feedback', 'village')).toBe(true);
    expect(ok('answered', 'rate', 'resident')).toBe(true);
  });
  it('departments act only on dispatches; villages do not dispatch; residents only rate and reopen', () => {
    expect(ok('dispatched', 'resolve', 'department')).toBe(false);
    expect(ok('accepted', 'dispatch', 'village')).toBe(false);
    expect(MATTER_ACTIONS.filter((a) => ACTIONS[a].roles.includes('resident')).sort()).toEqual(['rate', 'reopen']);
  });
  it('no action leaves a final state except reopening a closed (answered) matter', () => {
    for (const a of MATTER_ACTIONS) {
      expect(ACTIONS[a].from).not.toContain('merged');
      expect(ACTIONS[a].from).not.toContain('closedUnresolved');
      if (a !== 'reopen') expect(ACTIONS[a].from).not.toContain('closed');
    }
  });
  it('a closed matter is never reached without an answer or an honest reason', () => {
    expect(ACTIONS.close.from).toEqual(['answered', 'rated']);
    expect(ACTIONS.closeUnresolved.requires).toMatch(/reason/);
  });
});

describe('guards', () => {
  it('rating before the answer is refused with its own code', () => {
    expect(refusal(m('resolved'), 'rate', 'resident', now)?.code).toBe('MATTER_NOT_ANSWERED');
  });
  it('reopen only within the window (default 7 days after the answer)', () => {
    const late = new Date(answeredAt.getTime() + 7 * 86_400_000 + 1);
    expect(refusal(m('answered'), 'reopen', 'resident', late)?.code).toBe('MATTER_REOPEN_WINDOW_CLOSED');
    expect(refusal(m('answered'), 'reopen', 'resident', new Date(answeredAt.getTime() + 7 * 86_400_000))).toBeNull();
  });
  it('a cadre may not close an answered matter while the reporter can still rate; the sweep may after', () => {
    expect(refusal(m('answered'), 'close', 'village', now)?.code).toBe('MATTER_RATING_PENDING');
    expect(refusal(m('answered'), 'close', 'system', new Date('2026-01-20T00:00:00Z'))).toBeNull();
  });
  it('a paused matter takes only resume, transfer, merge, department work and an honest close', () => {
    const paused = m('accepted', now);
    expect(refusal(paused, 'resolve', 'village', now)?.code).toBe('MATTER_PAUSED');
    expect(refusal(paused, 'pause', 'village', now)?.code).toBe('MATTER_PAUSED');
    expect(refusal(paused, 'resume', 'village', now)).toBeNull();
    expect(refusal(paused, 'closeUnresolved', 'village', now)).toBeNull();
    expect(refusal(m('accepted'), 'resume', 'village', now)?.code).toBe('MATTER_NOT_PAUSED');
  });
});

describe('next state', () => {
  it('a bad rating reopens by itself', () => {
    expect(nextState(m('answered'), { action: 'rate', satisfaction: 'satisfied', fixed: 'not_fixed' })).toBe('reopened');
    expect(nextState(m('answered'), { action: 'rate', satisfaction: 'unsatisfied', fixed: 'fixed' })).toBe('reopened');
    expect(nextState(m('answered'), { action: 'rate', satisfaction: 'basic', fixed: 'partly' })).toBe('rated');
  });
  it('department work and pauses keep the state', () => {
    expect(nextState(m('dispatched'), { action: 'checkIn' })).toBe('dispatched');
    expect(nextState(m('accepted'), { action: 'pause', reason: 'x' })).toBe('accepted');
  });
});

describe('escalation and roles', () => {
  it('group/zone → village → township → district → none', () => {
    expect(escalationTarget('5303032032110101')).toBe('530303203211');
    expect(escalationTarget('53030320321101')).toBe('530303203211');
    expect(escalationTarget('530303203211')).toBe('530303203');
    expect(escalationTarget('530303203')).toBe('530303');
    expect(escalationTarget('530303')).toBeNull();
  });
  it('admin acts as district, a supervisor cannot act', () => {
    expect(matterActorOf('admin')).toBe('district');
    expect(matterActorOf('supervisor')).toBeNull();
  });
});

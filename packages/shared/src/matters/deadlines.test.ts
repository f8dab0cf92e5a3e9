import { describe, expect, it } from 'vitest';
import { addHours, DEFAULT_LIMITS, initialDeadlines, isMatterOverdue, NEVER, respondHours, resolveHours, shiftForPause, stageDeadline } from './deadlines';

const t0 = new Date('2026-01-05T01:00:00Z');
const H = 3_600_000;

describe('time limits', () => {
  it('default to the 12345 norms', () => {
    expect(initialDeadlines(t0, 'urgent', null)).toEqual({ respondBy: addHours(t0, 2), resolveBy: addHours(t0, 24) });
    expect(initialDeadlines(t0, 'ordinary', null).resolveBy).toEqual(addHours(t0, 168));
    expect(initialDeadlines(t0, 'complex', null).resolveBy).toEqual(addHours(t0, 360));
  });
  it('a category overrides per urgency; null falls back', () => {
    const cat = { respondHoursUrgent: 1, resolveHoursOrdinary: 72, resolveHoursUrgent: null };
    expect(respondHours('urgent', cat)).toBe(1);
    expect(respondHours('ordinary', cat)).toBe(24);
    expect(resolveHours('ordinary', cat)).toBe(72);
    expect(resolveHours('urgent', cat)).toBe(24);
  });
  it('each stage has its own limit', () => {
    const m = { urgency: 'ordinary' as const, category: null, resolveBy: addHours(t0, 168) };
    expect(stageDeadline('reported', t0, m)).toEqual(addHours(t0, 24));
    expect(stageDeadline('reported', t0, { ...m, urgency: 'urgent' })).toEqual(addHours(t0, 2));
    expect(stageDeadline('triaged', t0, m)).toEqual(addHours(t0, 24));
    expect(stageDeadline('accepted', t0, m)).toEqual(addHours(t0, 168));
    expect(stageDeadline('dispatched', t0, { ...m, urgency: 'urgent' })).toEqual(addHours(t0, 2));
    expect(stageDeadline('answered', t0, { ...m, answeredAt: t0 })).toEqual(addHours(t0, DEFAULT_LIMITS.reopenWindowDays * 24));
    expect(stageDeadline('closed', t0, m)).toEqual(NEVER);
  });
  it('an accepted matter past its overall target still gets the response limit, not an instant overdue', () => {
    const m = { urgency: 'ordinary' as const, category: null, resolveBy: addHours(t0, -5) };
    expect(stageDeadline('accepted', t0, m)).toEqual(addHours(t0, 24));
  });
});

describe('pauses', () => {
  it('a paused clock does not run: resume moves every deadline by the pause', () => {
    const d = { respondBy: addHours(t0, 2), resolveBy: addHours(t0, 24), stageDeadline: addHours(t0, 24), never: NEVER, none: null };
    const shifted = shiftForPause(d, addHours(t0, 1), addHours(t0, 11));
    expect(shifted.respondBy).toEqual(addHours(t0, 12));
    expect(shifted.resolveBy).toEqual(addHours(t0, 34));
    expect(shifted.never).toEqual(NEVER);
    expect(shifted.none).toBeNull();
  });
  it('a paused matter is never overdue; a running one is overdue after its stage deadline', () => {
    const stage = addHours(t0, 2);
    expect(isMatterOverdue({ stageDeadline: stage, pausedAt: null }, new Date(stage.getTime() + 1))).toBe(true);
    expect(isMatterOverdue({ stageDeadline: stage, pausedAt: t0 }, new Date(stage.getTime() + 100 * H))).toBe(false);
    expect(isMatterOverdue({ stageDeadline: stage, pausedAt: null }, stage)).toBe(false);
  });
});

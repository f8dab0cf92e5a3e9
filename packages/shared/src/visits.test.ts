import { describe, expect, it } from 'vitest';
import {
  type Cadence,
  compareUrgency,
  DAY_MS,
  DEFAULT_CADENCE,
  daysOverdue,
  effectiveCadence,
  endOfChinaDay,
  isOverdue,
  nextDue,
  sniffImage,
  visitCounts,
} from './visits';

const d = (s: string) => new Date(s);
const since = d('2026-01-01T00:00:00+08:00');

describe('cadence', () => {
  it('defaults to red 7 (home only), yellow 15, blue 30', () => {
    expect(DEFAULT_CADENCE).toMatchObject({ redDays: 7, yellowDays: 15, blueDays: 30, redHomeOnly: true });
    expect(visitCounts(DEFAULT_CADENCE, 'red', 'phone')).toBe(false);
    expect(visitCounts(DEFAULT_CADENCE, 'red', 'home')).toBe(true);
    expect(visitCounts(DEFAULT_CADENCE, 'yellow', 'wechat')).toBe(true);
    expect(visitCounts({ ...DEFAULT_CADENCE, redHomeOnly: false }, 'red', 'phone')).toBe(true);
  });

  it('takes the village setting, else the township one, else the defaults', () => {
    const village: Cadence = { ...DEFAULT_CADENCE, redDays: 5 };
    const township: Cadence = { ...DEFAULT_CADENCE, redDays: 6 };
    expect(effectiveCadence(village, township)).toEqual({ cadence: village, source: 'village' });
    expect(effectiveCadence(null, township)).toEqual({ cadence: township, source: 'township' });
    expect(effectiveCadence(null, undefined)).toEqual({ cadence: DEFAULT_CADENCE, source: 'default' });
  });
});

describe('next due and overdue', () => {
  it('counts from the linkage date when never visited', () => {
    const due = nextDue(DEFAULT_CADENCE, { tier: 'blue', lastVisitAt: null, lastHomeVisitAt: null, since });
    expect(due).toEqual(new Date(since.getTime() + 30 * DAY_MS));
  });

  it('counts only home visits for a red household', () => {
    const home = d('2026-01-02T10:00:00+08:00');
    const phone = d('2026-01-06T10:00:00+08:00');
    const due = nextDue(DEFAULT_CADENCE, { tier: 'red', lastVisitAt: phone, lastHomeVisitAt: home, since });
    expect(due).toEqual(d('2026-01-09T10:00:00+08:00'));
    const yellow = nextDue(DEFAULT_CADENCE, { tier: 'yellow', lastVisitAt: phone, lastHomeVisitAt: home, since });
    expect(yellow).toEqual(d('2026-01-21T10:00:00+08:00'));
  });

  it('is overdue only after the due moment, in whole days', () => {
    const due = d('2026-01-09T10:00:00+08:00');
    expect(isOverdue(due, due)).toBe(false);
    expect(isOverdue(due, new Date(due.getTime() + 1))).toBe(true);
    expect(daysOverdue(due, new Date(due.getTime() + 2.5 * DAY_MS))).toBe(2);
    expect(daysOverdue(due, new Date(due.getTime() - DAY_MS))).toBe(0);
  });

  it('ends the day at midnight Beijing time', () => {
    expect(endOfChinaDay(d('2026-01-05T09:00:00+08:00'))).toEqual(d('2026-01-06T00:00:00+08:00'));
    expect(endOfChinaDay(d('2026-01-05T23:59:00+08:00'))).toEqual(d('2026-01-06T00:00:00+08:00'));
    expect(endOfChinaDay(d('2026-01-06T00:00:00+08:00'))).toEqual(d('2026-01-07T00:00:00+08:00'));
  });
});

describe('urgency', () => {
  it('puts overdue reds first, then longest overdue, then soonest due', () => {
    const now = d('2026-01-10T09:00:00+08:00');
    const items = [
      { householdId: 1, tier: 'blue' as const, dueAt: d('2026-01-12T00:00:00+08:00') },
      { householdId: 2, tier: 'blue' as const, dueAt: d('2026-01-01T00:00:00+08:00') },
      { householdId: 3, tier: 'red' as const, dueAt: d('2026-01-09T00:00:00+08:00') },
      { householdId: 4, tier: 'yellow' as const, dueAt: d('2026-01-05T00:00:00+08:00') },
      { householdId: 5, tier: 'red' as const, dueAt: d('2026-01-11T00:00:00+08:00') },
      { householdId: 6, tier: 'red' as const, dueAt: d('2026-01-03T00:00:00+08:00') },
    ];
    expect(items.sort(compareUrgency(now)).map((i) => i.householdId)).toEqual([6, 3, 2, 4, 5, 1]);
  });
});

describe('sniffImage', () => {
  it('recognises jpeg, png and webp by their bytes, nothing else', () => {
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImage(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

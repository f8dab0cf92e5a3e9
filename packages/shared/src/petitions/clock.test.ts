import { describe, expect, it } from 'vitest';
import { dueAfterDays, MEDIATION_LIMITS, PETITION_LIMITS, petitionHandlingDue } from './clock';

const china = (iso: string) => new Date(`${iso}+08:00`);

describe('legal clocks', () => {
  it('counts calendar days from the day after the start, to the end of the last day, China time', () => {
    // Received on 1 March at any hour: 15 days end at the end of 16 March.
    expect(dueAfterDays(china('2026-03-01T09:30:00'), 15).toISOString()).toBe(china('2026-03-16T23:59:59.999').toISOString());
    expect(dueAfterDays(china('2026-03-01T23:59:00'), 15).toISOString()).toBe(china('2026-03-16T23:59:59.999').toISOString());
    // Just after midnight China time is already the next day, though still the day before in UTC.
    expect(dueAfterDays(china('2026-03-02T00:10:00'), 15).toISOString()).toBe(china('2026-03-17T23:59:59.999').toISOString());
    // Across a month end and a leap day.
    expect(dueAfterDays(china('2028-02-20T10:00:00'), 30).toISOString()).toBe(china('2028-03-21T23:59:59.999').toISOString());
    expect(() => dueAfterDays(new Date(), -1)).toThrow(RangeError);
    expect(() => dueAfterDays(new Date(), 1.5)).toThrow(RangeError);
  });

  it('gives a petition 60 days from acceptance, at most 30 more, as the 2022 regulation says', () => {
    expect(PETITION_LIMITS.handle).toEqual({ days: 60, basis: '信访工作条例 第三十四条' });
    const accepted = china('2026-01-05T10:00:00');
    expect(petitionHandlingDue(accepted).toISOString()).toBe(china('2026-03-06T23:59:59.999').toISOString());
    expect(petitionHandlingDue(accepted, 30).toISOString()).toBe(china('2026-04-05T23:59:59.999').toISOString());
    expect(() => petitionHandlingDue(accepted, 31)).toThrow(/at most 30 days \(信访工作条例 第三十四条\)/);
  });

  it('names the article of every figure', () => {
    for (const limit of [...Object.values(PETITION_LIMITS), ...Object.values(MEDIATION_LIMITS)]) {
      expect(limit.days).toBeGreaterThan(0);
      expect(limit.basis).toMatch(/第[一二三四五六七八九十]+条/);
    }
    expect(MEDIATION_LIMITS.judicialConfirmation.days).toBe(30);
  });
});

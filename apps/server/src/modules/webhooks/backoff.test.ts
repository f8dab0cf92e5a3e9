import { describe, expect, it } from 'vitest';
import { BACKOFF_MS, backoffMs, JITTER } from './backoff';

describe('outbox back-off', () => {
  it('grows 30 s, 2 min, 10 min, 1 h, 6 h and then stays at 6 h', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => backoffMs(n, mid))).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, 21_600_000, 21_600_000]);
  });

  it('jitters within ±20 %', () => {
    expect(backoffMs(1, () => 0)).toBe(BACKOFF_MS[0] * (1 - JITTER));
    expect(backoffMs(1, () => 0.999999)).toBeLessThanOrEqual(BACKOFF_MS[0] * (1 + JITTER));
    for (let i = 0; i < 100; i++) {
      const d = backoffMs(2);
      expect(d).toBeGreaterThanOrEqual(96_000);
      expect(d).toBeLessThanOrEqual(144_000);
    }
  });
});

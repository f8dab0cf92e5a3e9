import { describe, expect, it } from 'vitest';
import { ageOn } from './age';

describe('ageOn', () => {
  it('counts whole years, going up on the birthday', () => {
    expect(ageOn('1990-01-05', '2026-01-05')).toBe(36);
    expect(ageOn('1990-01-06', '2026-01-05')).toBe(35);
    expect(ageOn('2026-01-05', '2026-01-05')).toBe(0);
  });
  it('moves a 29 February birthday to 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });
  it('has no age for a missing, malformed or future date', () => {
    expect(ageOn(null, '2026-01-05')).toBeNull();
    expect(ageOn('1990-1-5', '2026-01-05')).toBeNull();
    expect(ageOn('2027-01-01', '2026-01-05')).toBeNull();
  });
});

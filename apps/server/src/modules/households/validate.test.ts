import { describe, expect, it } from 'vitest';
import { parseDate } from './validate';

describe('parseDate', () => {
  it('reads the ways dates are typed and refuses impossible ones', () => {
    expect(parseDate('1990-01-31')).toBe('1990-01-31');
    expect(parseDate('1990/1/2')).toBe('1990-01-02');
    expect(parseDate(' 1990.1.2 ')).toBe('1990-01-02');
    expect(parseDate('１９９０年１月２日')).toBe('1990-01-02');
    expect(parseDate('19900102')).toBe('1990-01-02');
    expect(parseDate('2000-02-29')).toBe('2000-02-29');
    expect(parseDate('1900-02-29')).toBeNull();
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('1990-04-31')).toBeNull();
    expect(parseDate('1990-13-01')).toBeNull();
    expect(parseDate('1990-00-10')).toBeNull();
    expect(parseDate('0050-01-01')).toBeNull();
    expect(parseDate('1990-1')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});

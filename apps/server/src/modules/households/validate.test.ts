import { describe, expect, it } from 'vitest';
import { parseDate } from './validate';

/** Each input gives its expected answer (a table: the cases, not the calls, are what differ). */
function answers<T>(fn: (input: string) => T, cases: Record<string, T>) {
  for (const [input, expected] of Object.entries(cases)) expect(fn(input), input).toBe(expected);
}

describe('parseDate', () => {
  it('reads the ways dates are typed and refuses impossible ones', () => {
    answers(parseDate, {
      '1990-01-31': '1990-01-31',
      '1990/1/2': '1990-01-02',
      ' 1990.1.2 ': '1990-01-02',
      '１９９０年１月２日': '1990-01-02',
      '19900102': '1990-01-02',
      '2000-02-29': '2000-02-29',
      '1900-02-29': null,
      '2023-02-29': null,
      '1990-04-31': null,
      '1990-13-01': null,
      '1990-00-10': null,
      '0050-01-01': null,
      '1990-1': null,
      '': null,
    });
  });
});

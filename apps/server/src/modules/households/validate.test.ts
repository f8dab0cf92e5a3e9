import { describe, it } from 'vitest';
import { parseDate } from './validate';
import { answers } from '@jiceng/shared/testing/answers';

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

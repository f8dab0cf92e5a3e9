import { describe, expect, it } from 'vitest';
import { retryDelay } from './backoff';

describe('retryDelay (the visit queue after a failed send)', () => {
  it('grows from 2 s and stops at a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(retryDelay)).toEqual([0, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
});

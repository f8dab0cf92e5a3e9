import { expect } from 'vitest';

/**
 * For tests: each input gives its expected answer. A table, because in such a test the cases, not
 * the calls, are what differ; the input names a failing case.
 */
export function answers<T>(fn: (input: string) => T, cases: Record<string, T>): void {
  for (const [input, expected] of Object.entries(cases)) expect(fn(input), input).toBe(expected);
}

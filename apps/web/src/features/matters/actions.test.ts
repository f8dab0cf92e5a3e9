import { describe, expect, it } from 'vitest';
import { actionButtons, mayMerge } from './actions';

describe('matter page actions', () => {
  it("shows exactly the server's allowedActions, in the page's order, merge apart", () => {
    const m = { allowedActions: ['closeUnresolved', 'merge', 'accept', 'triage'] as const };
    expect(actionButtons({ allowedActions: [...m.allowedActions] })).toEqual(['triage', 'accept', 'closeUnresolved']);
    expect(mayMerge({ allowedActions: [...m.allowedActions] })).toBe(true);
  });

  it('offers nothing the server did not allow', () => {
    expect(actionButtons({ allowedActions: [] })).toEqual([]);
    expect(mayMerge({ allowedActions: ['triage'] })).toBe(false);
  });
});

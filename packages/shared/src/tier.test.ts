import { describe, expect, it } from 'vitest';
import { parseTierLabel } from './tier';

describe('parseTierLabel', () => {
  it('reads colours, categories and combinations', () => {
    expect(parseTierLabel('红')).toEqual({ tier: 'red', category: null });
    expect(parseTierLabel('监测户')).toEqual({ tier: 'red', category: null });
    expect(parseTierLabel('红（监测户）')).toEqual({ tier: 'red', category: null });
    expect(parseTierLabel(' 脱贫户 ')).toEqual({ tier: 'yellow', category: null });
    expect(parseTierLabel('一般户')).toEqual({ tier: 'blue', category: null });
    expect(parseTierLabel('')).toEqual({ tier: 'blue', category: null });
    expect(parseTierLabel('边缘易致贫户')).toEqual({ tier: 'red', category: '边缘易致贫户' });
  });
  it('refuses unknown or contradictory words', () => {
    expect(parseTierLabel('绿')).toBeNull();
    expect(parseTierLabel('红/黄')).toBeNull();
  });
});

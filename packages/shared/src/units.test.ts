import { describe, expect, it } from 'vitest';
import { isWithin, levelOfCode, nextChildCode, parentCodeOf, shortUnitName } from './units';
import { answers } from './testing/answers';

describe('unit codes', () => {
  it('derives the level from the length', () => {
    answers(levelOfCode, {
      '530303': 'district',
      '530303203': 'township',
      '530303203211': 'village',
      '53030320321101': 'zone',
      '5303032032110102': 'group',
      '5303032': null,
      '53030a': null,
      '': null,
    });
  });
  it('finds the parent by cutting the code', () => {
    expect(parentCodeOf('5303032032110102')).toBe('53030320321101');
    expect(parentCodeOf('530303203211')).toBe('530303203');
    expect(parentCodeOf('530303')).toBeNull();
  });
  it('tests "under" as a prefix, never sideways', () => {
    expect(isWithin('530303203211', '530303203')).toBe(true);
    expect(isWithin('530303203211', '530303203211')).toBe(true);
    expect(isWithin('530303203201', '530303203211')).toBe(false);
    expect(isWithin('530303203211', null)).toBe(true);
  });
  it('numbers new children with the lowest free two digits', () => {
    expect(nextChildCode('530303203211', [])).toBe('53030320321101');
    expect(nextChildCode('530303203211', ['53030320321101', '53030320321103'])).toBe('53030320321102');
    const full = Array.from({ length: 99 }, (_, i) => `530303203211${String(i + 1).padStart(2, '0')}`);
    expect(nextChildCode('530303203211', full)).toBeNull();
  });
  it('shortens NBS names the way people say them', () => {
    expect(shortUnitName('地河村民委员会')).toBe('地河村');
    expect(shortUnitName('文昌社区居民委员会')).toBe('文昌社区');
    expect(shortUnitName('大坡乡')).toBe('大坡乡');
  });
});

import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';
import { WEAK_PASSWORDS } from './weak-passwords';

describe('password policy', () => {
  it('accepts a ten-character password of two classes, and long passphrases', () => {
    expect(passwordProblem('rep-pass-01')).toBeNull();
    expect(passwordProblem('Group-leader-2026')).toBeNull();
    expect(passwordProblem('村口老槐树下的石板路2026')).toBeNull();
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });

  it('refuses short ones, counting characters rather than UTF-16 units', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordProblem('abc-12345')).toBe('tooShort');
    expect(passwordProblem('😀😀😀😀😀a')).toBe('tooShort');
    expect(passwordProblem('x'.repeat(201))).toBe('tooLong');
  });

  it('refuses a password of a single class', () => {
    expect(passwordProblem('abcdefghijkl')).toBe('oneClass');
    expect(passwordProblem('ABCDEFGHIJKL')).toBe('oneClass');
    expect(passwordProblem('20261203987')).toBe('oneClass');
    expect(passwordProblem('!@#$%^&*()_+')).toBe('oneClass');
  });

  it('refuses the weak list whatever the case or spacing, and repeated chunks', () => {
    for (const weak of ['woaini1314', 'QQ123456789', 'A123456789', 'Password123', 'jiceng-demo', 'Woaini 1314', 'qweasdzxc123'])
      expect(passwordProblem(weak), weak).toBe('common');
    expect(passwordProblem('abc1abc1abc1')).toBe('common');
    expect(passwordProblem('1a1a1a1a1a')).toBe('common');
    expect(WEAK_PASSWORDS).toContain('123456');
    expect(new Set(WEAK_PASSWORDS).size).toBe(WEAK_PASSWORDS.length);
    for (const w of WEAK_PASSWORDS) expect(w, w).toBe(w.toLowerCase().replace(/\s+/g, ''));
  });

  it('refuses a password containing the username', () => {
    expect(passwordProblem('Zhangsan-2026', 'zhangsan')).toBe('username');
    expect(passwordProblem('Zhangsan-2026', 'lisi')).toBeNull();
  });
});

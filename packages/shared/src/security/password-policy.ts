import { WEAK_PASSWORDS } from './weak-passwords';

/**
 * The password policy, applied wherever a password is set (account creation, reset, own change,
 * the CLI's create-admin); never at login, so accounts seeded with older passwords still log in.
 * Ten characters at least (login is throttled, so length against an offline attack after a leak
 * is what counts), not all of one character class, not a known weak password, not the username.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'oneClass' | 'common' | 'username';

const WEAK = new Set(WEAK_PASSWORDS);

/** Lower case, upper case, digits, anything else (punctuation, spaces, Chinese characters). */
function classes(password: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(password)).length;
}

/** The first rule `password` breaks, or null when it may be used. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (chars > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (classes(password) < 2) return 'oneClass';
  const folded = password.toLowerCase().replace(/\s+/g, '');
  if (WEAK.has(folded)) return 'common';
  // One repeated short chunk ("abcabcabcabc", "1a1a1a1a1a") is as weak as its chunk.
  if (/^(.{1,4})\1+$/u.test(folded)) return 'common';
  if (username && folded.includes(username.toLowerCase())) return 'username';
  return null;
}

/** Why, in both languages (the API's error and the web form show it). */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, { zh: string; en: string }> = {
  tooShort: { zh: `密码至少 ${PASSWORD_MIN_LENGTH} 位`, en: `at least ${PASSWORD_MIN_LENGTH} characters` },
  tooLong: { zh: `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`, en: `at most ${PASSWORD_MAX_LENGTH} characters` },
  oneClass: {
    zh: '密码须包含至少两类字符（小写字母、大写字母、数字、符号）',
    en: 'use at least two kinds of characters (lower case, upper case, digits, symbols)',
  },
  common: { zh: '该密码过于常见，容易被猜中，请换一个', en: 'this password is too common and easily guessed; choose another' },
  username: { zh: '密码不能包含用户名', en: 'the password must not contain the username' },
};

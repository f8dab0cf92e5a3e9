import { PASSWORD_PROBLEM_TEXT, passwordProblem } from '@jiceng/shared';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors';

// OWASP's argon2id baseline (19 MiB, 2 passes): strong, and about 30 ms on this machine.
const OPTIONS = { algorithm: 2 /* Argon2id (a const enum, unusable under isolatedModules) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The shared password policy (packages/shared/src/security/password-policy.ts), as a 400 naming `field`. */
export function checkPasswordPolicy(password: string, username: string, field: 'password' | 'newPassword'): void {
  const problem = passwordProblem(password, username);
  if (!problem) return;
  const text = PASSWORD_PROBLEM_TEXT[problem];
  throw new AppError('PASSWORD_WEAK', { field, reason: text.zh, reasonEn: text.en, rule: problem }, { field });
}

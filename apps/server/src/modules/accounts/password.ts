import { hash, verify } from '@node-rs/argon2';

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

/** At least 8 characters with letters and digits; long passphrases pass too. */
export function isStrongPassword(password: string): boolean {
  if (password.length >= 16) return true;
  return password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

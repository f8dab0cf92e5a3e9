import { idCheckChar } from '@jiceng/shared';

/** A valid ID number for tests and the bench generator: region + birth date (YYYYMMDD) + 3-digit sequence. */
export function makeIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/**
 * 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd =
 * male), and an ISO 7064 MOD 11-2 check character. Legacy 15-digit numbers (before 1999: 2-digit
 * year, no check character) are upgraded. Returns a reason code with messages; never throws.
 */
import { compactText } from './normalize';

export type IdNumberReason = 'EMPTY' | 'SCIENTIFIC' | 'LENGTH' | 'CHARS' | 'REGION' | 'BIRTH_DATE' | 'BIRTH_FUTURE' | 'CHECK';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: 'male' | 'female'; upgraded: boolean }
  | { ok: false; reason: IdNumberReason; zh: string; en: string };

export const ID_NUMBER_MESSAGES: Record<IdNumberReason, { zh: string; en: string }> = {
  EMPTY: { zh: '身份证号不能为空', en: 'the ID number is empty' },
  SCIENTIFIC: {
    zh: "身份证号被 Excel 存成了数字（如 5.30303E+17），后几位已丢失：请把该列设为“文本”后重新录入，或在号码前加英文单引号 '",
    en: "Excel stored the ID number as a number (e.g. 5.30303E+17) and its last digits are lost: set the column to Text and re-enter, or prefix the number with '",
  },
  LENGTH: { zh: '身份证号应为 18 位（或旧的 15 位）', en: 'an ID number has 18 characters (or the old 15 digits)' },
  CHARS: { zh: '身份证号只能是数字，第 18 位可以是 X', en: 'an ID number is digits only; the 18th may be X' },
  REGION: { zh: '身份证号的地区码不正确', en: 'the region code of the ID number is invalid' },
  BIRTH_DATE: { zh: '身份证号中的出生日期不正确', en: 'the birth date in the ID number is invalid' },
  BIRTH_FUTURE: { zh: '身份证号中的出生日期晚于今天', en: 'the birth date in the ID number is in the future' },
  CHECK: { zh: '身份证号校验位不正确（可能有数字录错）', en: 'the check character of the ID number is wrong (a digit may be mistyped)' },
};

/** Provinces, autonomous regions and municipalities, plus 71 台湾, 81 香港, 82 澳门. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

function fail(reason: IdNumberReason): IdNumberResult {
  return { ok: false, reason, ...ID_NUMBER_MESSAGES[reason] };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] as number);
}

/**
 * Validates and normalises an ID number. `today` (YYYY-MM-DD, the caller's clock in Beijing time)
 * bounds the birth date.
 */
export function validateIdNumber(raw: string | null | undefined, today: string): IdNumberResult {
  let s = compactText(raw).replace(/^'/, '').toUpperCase();
  if (s === '') return fail('EMPTY');
  if (/^\d(\.\d+)?E\+?\d+$/.test(s)) return fail('SCIENTIFIC');
  let upgraded = false;
  if (s.length === 15) {
    if (!/^\d{15}$/.test(s)) return fail('CHARS');
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
    s = first17 + idCheckChar(first17);
    upgraded = true;
  }
  if (s.length !== 18) return /^[\d.]+$/.test(s) && s.includes('.') ? fail('SCIENTIFIC') : fail('LENGTH');
  if (!/^\d{17}[\dX]$/.test(s)) return fail('CHARS');
  if (!PROVINCES.has(Number(s.slice(0, 2))) || s.slice(2, 6) === '0000') return fail('REGION');
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || !validDate(y, m, d)) return fail('BIRTH_DATE');
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (birthDate > today) return fail('BIRTH_FUTURE');
  if (!upgraded && idCheckChar(s.slice(0, 17)) !== s[17]) return fail('CHECK');
  return { ok: true, value: s, birthDate, gender: Number(s[16]) % 2 === 1 ? 'male' : 'female', upgraded };
}

/** Today's date in Beijing time (UTC+8, no daylight saving) as YYYY-MM-DD. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

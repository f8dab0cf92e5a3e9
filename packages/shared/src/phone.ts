/**
 * Mainland phone numbers as people write them: "138 1234 5678", "+86-138…", "１３８…",
 * "0874-3012345", "(0874)3012345". Normalised to 13812345678 or 0874-3012345.
 */
import { compactText } from './normalize';

export type PhoneResult = { ok: true; value: string; kind: 'mobile' | 'landline' } | { ok: false; zh: string; en: string };

const BAD = {
  ok: false as const,
  zh: '电话号码格式不正确：手机号为 11 位（1 开头），座机为区号加 7–8 位号码（如 0874-3012345）',
  en: 'invalid phone number: a mobile has 11 digits starting with 1; a landline is an area code plus 7–8 digits (e.g. 0874-3012345)',
};

export function normalizePhone(raw: string | null | undefined): PhoneResult {
  const s = compactText(raw).replace(/[-()（）.]/g, '');
  const mobile = /^(?:\+?86|0086)?(1[3-9]\d{9})$/.exec(s);
  if (mobile) return { ok: true, value: mobile[1] as string, kind: 'mobile' };
  // Area codes: 010 and 02x have three digits, every other one four.
  const landline = /^(?:\+?86|0086)?0?((?:10|2\d)|[3-9]\d{2})([2-9]\d{6,7})$/.exec(s);
  if (landline && (s.startsWith('0') || /^(\+?86|0086)/.test(s))) return { ok: true, value: `0${landline[1]}-${landline[2]}`, kind: 'landline' };
  return BAD;
}

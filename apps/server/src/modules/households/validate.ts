/**
 * Domain checks on a resident or household, shared by the API and the Excel import: every
 * problem is reported with its field and a reason in Chinese and English, never thrown one by one.
 */
import { normalizePhone, normalizeText, textOrNull, validateIdNumber } from '@jiceng/shared';
import type { ErrorDetail } from '../../platform/errors';

export const HEAD = '户主';
const HEAD_WORDS = new Set(['户主', '本人', '户主本人', '户主(本人)']);

export interface ResidentInput {
  name: string;
  relation: string;
  idNumber?: string | null;
  phone?: string | null;
  gender?: string | null;
  birthDate?: string | null;
  ethnicity?: string | null;
  politicalStatus?: string | null;
  occupation?: string | null;
  livingStatus?: string | null;
}

export interface ResidentValue {
  name: string;
  relation: string;
  idNumber: string | null;
  phone: string | null;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  ethnicity: string | null;
  politicalStatus: string | null;
  partyMember: boolean;
  occupation: string | null;
  livingStatus: string | null;
}

const GENDERS: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', male: 'male', female: 'female', m: 'male', f: 'female' };

export function normalizeRelation(raw: string): string {
  const s = normalizeText(raw).replace(/\s/g, '');
  return HEAD_WORDS.has(s) ? HEAD : s;
}

/** 1990-01-02, 1990/1/2, 1990.1.2, 19900102, 1990年1月2日 → 1990-01-02; null when unreadable. */
export function parseDate(raw: string): string | null {
  const s = normalizeText(raw).replace(/\s/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Years before 100 are refused, as Date.UTC would read them as 19xx.
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return `${m[1]}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

type Fields = Partial<Record<keyof ResidentInput, string>>;

/**
 * Checks one resident. `fields` names each input field in errors (e.g. residents.2.idNumber, or an
 * import column); `today` is Beijing's date for birth dates.
 */
export function validateResident(input: ResidentInput, today: string, fields: Fields = {}): { value: ResidentValue; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const f = (k: keyof ResidentInput) => fields[k] ?? k;
  const err = (k: keyof ResidentInput, zh: string, en: string) => errors.push({ field: f(k), zh, en });

  const name = normalizeText(input.name);
  if (!name) err('name', '姓名不能为空', 'the name is empty');
  else if (name.length > 50) err('name', '姓名不能超过 50 个字', 'the name has more than 50 characters');
  const relation = normalizeRelation(input.relation ?? '');
  if (!relation) err('relation', '与户主关系不能为空（户主本人填“户主”）', 'the relation to the head is empty (the head writes 户主)');
  else if (relation.length > 20) err('relation', '与户主关系不能超过 20 个字', 'the relation has more than 20 characters');

  let idNumber: string | null = null;
  let gender: ResidentValue['gender'] = null;
  let birthDate: string | null = null;
  if (textOrNull(input.idNumber)) {
    const id = validateIdNumber(input.idNumber, today);
    if (id.ok) {
      idNumber = id.value;
      gender = id.gender;
      birthDate = id.birthDate;
    } else err('idNumber', id.zh, id.en);
  }
  const genderText = textOrNull(input.gender)?.toLowerCase();
  if (genderText) {
    const g = GENDERS[genderText];
    if (!g) err('gender', '性别只能填“男”或“女”', 'gender is 男 (male) or 女 (female)');
    else if (gender && g !== gender) err('gender', '性别与身份证号不符', 'the gender does not match the ID number');
    else gender = g;
  }
  const birthText = textOrNull(input.birthDate);
  if (birthText) {
    const d = parseDate(birthText);
    if (!d) err('birthDate', '出生日期格式不正确（如 1990-01-31）', 'the birth date is not a date (e.g. 1990-01-31)');
    else if (d > today) err('birthDate', '出生日期晚于今天', 'the birth date is in the future');
    else if (birthDate && d !== birthDate) err('birthDate', '出生日期与身份证号不符', 'the birth date does not match the ID number');
    else birthDate = d;
  }
  let phone: string | null = null;
  if (textOrNull(input.phone)) {
    const p = normalizePhone(input.phone);
    if (p.ok) phone = p.value;
    else err('phone', p.zh, p.en);
  }
  const politicalStatus = short(input.politicalStatus, 'politicalStatus', 20, err);
  return {
    value: {
      name,
      relation,
      idNumber,
      phone,
      gender,
      birthDate,
      ethnicity: short(input.ethnicity, 'ethnicity', 20, err),
      politicalStatus,
      partyMember: /党员/.test(politicalStatus ?? ''),
      occupation: short(input.occupation, 'occupation', 50, err),
      livingStatus: short(input.livingStatus, 'livingStatus', 20, err),
    },
    errors,
  };
}

function short(raw: string | null | undefined, key: keyof ResidentInput, max: number, err: (k: keyof ResidentInput, zh: string, en: string) => void) {
  const s = textOrNull(raw);
  if (s && s.length > max) err(key, `不能超过 ${max} 个字`, `at most ${max} characters`);
  return s;
}

/** 情况标签: split on commas, 、, semicolons and spaces; trimmed, unique, at most 20. */
export function parseTags(raw: string | string[] | null | undefined): string[] {
  const parts = Array.isArray(raw) ? raw : normalizeText(raw ?? '').split(/[,，、;；\s/]+/);
  return [...new Set(parts.map((p) => normalizeText(p)).filter(Boolean))].slice(0, 20);
}

export function validateTags(tags: string[], field: string): ErrorDetail[] {
  const long = tags.find((t) => t.length > 20);
  return long ? [{ field, zh: `标签“${long}”超过 20 个字`, en: `the tag "${long}" has more than 20 characters` }] : [];
}

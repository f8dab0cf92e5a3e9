/**
 * Phones and ID numbers that people type into free text (a matter's description, a handler's
 * note), masked the way the structured fields are (mask.ts). Recognised: 18-digit ID numbers
 * (last character X allowed) and legacy 15-digit ones, mainland mobiles 1[3-9]xxxxxxxxx (with
 * +86 / 0086), landlines with an area code (0874-1234567, (0874)1234567, 010 12345678); full-width
 * digits, and a space or dash between any two digits ("138 1234 5678", "0874－123 4567").
 */
import { maskIdNumber, maskPhone } from './mask';
import { toHalfWidth } from './normalize';

// Between two digits: nothing, a space, or a dash with optional spaces around it.
const SEP = '(?:\\s?[-\\u2013\\u2014]\\s?|\\s)?';
/** Writes a pattern with `~` where a separator may stand. */
const p = (s: string) => s.replace(/~/g, SEP);
const digits = (n: number) => Array.from({ length: n }, () => '\\d').join('~');
const MONTH = '(?:0~[1-9]|1~[0-2])';
const DAY = '(?:0~[1-9]|[12]~\\d|3~[01])';
// Region codes start with 1–8 (GB 11643 provinces 11–82); the birth date must look like one, so
// that a date followed by a phone ("2026-01-05 138…") is not read as an ID number.
const ID18 = p(`[1-8]~${digits(5)}~(?:1~9|2~0)~\\d~\\d~${MONTH}~${DAY}~${digits(3)}~[\\dX]`);
const ID15 = p(`[1-8]~${digits(5)}~\\d~\\d~${MONTH}~${DAY}~${digits(3)}`);
const LANDLINE = p(`\\(?0~(?:1~0|2~\\d|[3-9]~\\d~\\d)\\)?~[1-9]~${digits(6)}(?:~\\d)?`);
const MOBILE = p(`1~[3-9]~${digits(9)}`);
const PREFIX = p('(?:\\+~?|0~0~)8~6~');

const PATTERN = new RegExp(`(?<![\\dX])(?:(${ID18})|(${ID15}))(?![\\dX])|(?<!\\d)(${LANDLINE})(?!\\d)|(?<!\\d)(${PREFIX})?(${MOBILE})(?!\\d)`, 'gi');

const compact = (s: string) => s.replace(/[^\dX]/gi, '').toUpperCase();

/** The text with every phone and ID number in it masked; everything else unchanged. */
export function maskFreeText(text: string): string;
export function maskFreeText(text: string | null | undefined): string | null;
export function maskFreeText(text: string | null | undefined): string | null {
  if (text == null) return null;
  // Matched on a half-width copy (full-width digits are one UTF-16 unit each, so indices agree).
  const half = toHalfWidth(text);
  if (!/\d/.test(half)) return text;
  let out = '';
  let at = 0;
  for (const m of half.matchAll(PATTERN)) {
    const [whole, id18, id15, landline, prefix, mobile] = m;
    const start = m.index;
    let masked: string;
    if (id18 || id15) masked = maskIdNumber(compact(whole)) as string;
    else if (landline) {
      const d = compact(landline);
      const area = /^0(?:10|2\d)/.test(d) ? 3 : 4;
      masked = maskPhone(`${d.slice(0, area)}-${d.slice(area)}`) as string;
    } else masked = `${prefix ? `+86 ` : ''}${maskPhone(compact(mobile as string))}`;
    out += text.slice(at, start) + masked;
    at = start + whole.length;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** Whether the text holds anything maskFreeText would mask (an audited reveal is worth offering). */
export function hasMaskableText(text: string | null | undefined): boolean {
  return text != null && maskFreeText(text) !== text;
}

/**
 * Text as villages type it into Excel/WPS: full-width digits and letters (１２３, ＡＢＣ), the
 * ideographic space, stray and doubled spaces. These helpers turn it into what we store.
 */

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space (U+3000) → their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const NEEDS_NORMALIZING = /[\uFF01-\uFF5E\s\u200B]/;

/** Half-width, trimmed, inner runs of whitespace (incl. non-breaking spaces) collapsed to one space. */
export function normalizeText(s: string | null | undefined): string {
  if (s == null) return '';
  // Most cells of an imported register have no full-width character and no space: skip the replaces.
  if (!NEEDS_NORMALIZING.test(s)) return String(s);
  return toHalfWidth(String(s))
    .replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ')
    .trim();
}

/** Half-width with every space removed: for codes, numbers and header matching. */
export function compactText(s: string | null | undefined): string {
  return normalizeText(s).replace(/ /g, '');
}

/** normalizeText, or null when nothing is left. */
export function textOrNull(s: string | null | undefined): string | null {
  const t = normalizeText(s);
  return t === '' ? null : t;
}

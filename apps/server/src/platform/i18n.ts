import type { Locale } from '@jiceng/shared';

/**
 * zh-CN unless the client prefers English. Accept-Language ranges are weighed by their q-values
 * (RFC 9110 §12.5.4; missing q = 1, q=0 = "not acceptable"); among equal weights the earlier
 * wins. Only Chinese and English ranges count (the catalogue has no other language).
 */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  let best: { locale: Locale; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const locale: Locale | null = range?.startsWith('en') ? 'en' : range?.startsWith('zh') ? 'zh-CN' : null;
    if (!locale) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale, q };
  }
  return best?.locale ?? 'zh-CN';
}

import type { Locale } from '@jiceng/shared';

/** zh-CN unless the first language the client prefers is English. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

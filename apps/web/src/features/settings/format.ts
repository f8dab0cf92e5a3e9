import type { Translate } from '../../app/i18n';

/** 7 days read better than 168 h; up to two days (the 12345 norms' 24 h) stay in hours, as the API counts them. */
export function formatHours(t: Translate, hours: number): string {
  return hours > 48 && hours % 24 === 0 ? t('settings.days', { n: hours / 24 }) : t('settings.hours', { n: hours });
}

export function formatTime(at: string | null, locale: string, fallback: string): string {
  return at ? new Date(at).toLocaleString(locale) : fallback;
}

import dayjs from 'dayjs';
import type { Translate } from '../../app/i18n';

export const fmt = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** "2天3小时" / "2d 3h": the larger two units of a duration. */
function span(ms: number, en: boolean): string {
  const m = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const parts = en ? [d && `${d}d`, h && `${h}h`, !d && min && `${min}m`] : [d && `${d}天`, h && `${h}小时`, !d && min && `${min}分`];
  return parts.filter(Boolean).join(en ? ' ' : '');
}

/** How long is left until the stage deadline, or how long it is overdue. */
export function countdown(deadline: string | null, now: number, t: Translate, en: boolean): { text: string; overdue: boolean } | null {
  if (!deadline) return null;
  const ms = new Date(deadline).getTime() - now;
  return ms < 0 ? { text: t('matters.overdueBy', { d: span(ms, en) }), overdue: true } : { text: t('matters.leftTime', { d: span(ms, en) }), overdue: false };
}

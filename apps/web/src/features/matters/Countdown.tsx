import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { countdown } from './format';

/** Time left on the stage deadline, red once overdue; ticks every minute. */
export function Countdown({ deadline, paused }: { deadline: string | null; paused: boolean }) {
  const { t, locale } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (paused) return <Typography.Text type="secondary">{t('matters.paused')}</Typography.Text>;
  const c = countdown(deadline, now, t, locale === 'en');
  if (!c) return null;
  return (
    <Typography.Text type={c.overdue ? 'danger' : 'secondary'} strong={c.overdue} style={{ marginInlineStart: 6 }}>
      {c.text}
    </Typography.Text>
  );
}

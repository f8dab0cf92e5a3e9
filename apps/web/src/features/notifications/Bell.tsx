import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';

/** The header's bell: unread count, refreshed every minute and on each page change; opens the inbox. */
export function Bell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [count, setCount] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-counted when the page changes (e.g. after reading)
  useEffect(() => {
    let live = true;
    const load = () =>
      api
        .get<{ count: number }>('/notifications/unread-count')
        .then((r) => live && setCount(r.count))
        .catch(() => undefined);
    load();
    const timer = window.setInterval(load, 60_000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [pathname]);
  return (
    <Badge count={count} size="small" offset={[-4, 4]}>
      <Button type="text" aria-label={t('notifications.bell', { n: count })} onClick={() => navigate('/notifications')} icon={<BellIcon />} />
    </Badge>
  );
}

/** A plain bell (no emoji: phones and headless browsers without an emoji font show a box). */
function BellIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
    </svg>
  );
}

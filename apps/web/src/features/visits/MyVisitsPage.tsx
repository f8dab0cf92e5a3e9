import { Alert, Empty, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { Loading } from '../../app/Loading';
import { useLoad } from '../../app/useLoad';
import type { HouseholdSummary } from '@jiceng/shared/schemas/households';
import { HouseholdCard } from './HouseholdCard';
import { PendingList } from './PendingList';
import type { DueVisit, Mine } from '@jiceng/shared/schemas/visits';

/** 我的走访: what is due today and overdue (reds overdue first, as the server orders it), what waits to sync, and every household in reach. */
export default function MyVisitsPage() {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const mine = useLoad(() => api.get<Mine>('/visits/mine'), []);
  const all = useLoad(() => api.get<{ items: HouseholdSummary[]; total: number }>('/households', { q, limit: 50 }), [q]);
  const last = (d: { lastVisitAt: string | null }) =>
    d.lastVisitAt ? t('visits.lastVisit', { at: new Date(d.lastVisitAt).toLocaleDateString(locale) }) : t('visits.neverVisited');
  const status = (d: DueVisit) => [d.overdue ? t('visits.overdueDays', { n: d.daysOverdue }) : t('visits.dueToday'), last(d)].join(' · ');
  return (
    <Flex vertical gap={10} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('visits.mine')}
      </Typography.Title>
      {mine.data && <Typography.Text type="secondary">{t('visits.mineSummary', { linked: mine.data.linked, overdue: mine.data.overdue })}</Typography.Text>}
      <PendingList />
      {mine.error ? <Alert type="warning" showIcon title={(mine.error as Error).message} /> : null}
      {mine.loading && !mine.data ? <Loading /> : null}
      {mine.data && !mine.data.items.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.nothingDue')} />}
      {mine.data?.items.map((d) => (
        <HouseholdCard key={d.householdId} target={d} status={status(d)} danger={d.overdue} />
      ))}
      <Typography.Title level={5} style={{ margin: '12px 0 0' }}>
        {t('visits.allHouseholds')}
      </Typography.Title>
      <Input.Search aria-label={t('register.search')} placeholder={t('register.search')} allowClear onSearch={(v) => setQ(v.trim())} />
      {all.error ? <Alert type="warning" showIcon title={(all.error as Error).message} /> : null}
      {all.data?.items.map((h) => (
        <HouseholdCard key={h.id} target={{ householdId: h.id, headName: h.headName, address: h.address, tier: h.tier }} status={h.unitName} />
      ))}
      {all.data && all.data.total > all.data.items.length && (
        <Typography.Text type="secondary">{t('visits.searchMore', { n: all.data.total })}</Typography.Text>
      )}
    </Flex>
  );
}

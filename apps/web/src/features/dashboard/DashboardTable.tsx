import { Card, Table } from 'antd';
import { Link } from 'react-router';
import type { Tier } from '@jiceng/shared/tier';
import { useI18n } from '../../app/i18n';
import { TIERS, TierTag } from '../households/TierTag';
import type { Coverage } from '@jiceng/shared/schemas/linkage';
import type { VisitSummary as Summary } from '@jiceng/shared/schemas/visits';

type Row = Summary['items'][number];

/** The figures behind the charts, each child linking to its own dashboard and each tier to its households. */
export function DashboardTable({ summary, coverage, current }: { summary: Summary; coverage: Coverage; current: string }) {
  const { t } = useI18n();
  const cov = new Map(coverage.items.map((c) => [c.unitCode, c]));
  const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
  return (
    <Card size="small" title={t('dashboard.table')}>
      <Table<Row>
        rowKey="unitCode"
        size="small"
        pagination={false}
        aria-label={t('dashboard.table')}
        dataSource={summary.items}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('linkage.unit'),
            dataIndex: 'name',
            render: (name: string, r) => (r.unitCode !== current ? <Link to={`/dashboard/${r.unitCode}`}>{name}</Link> : name),
          },
          {
            title: t('dashboard.households'),
            dataIndex: 'households',
            render: (n: number, r) => <Link to={`/households?unitCode=${r.unitCode}`}>{n}</Link>,
          },
          { title: t('dashboard.coverage'), key: 'cov', render: (_, r) => `${cov.get(r.unitCode)?.linked ?? 0}/${cov.get(r.unitCode)?.households ?? 0}` },
          { title: t('dashboard.completion'), key: 'rate', render: (_, r) => rate(r.completionRate) },
          ...TIERS.map((tier: Tier) => ({
            title: <TierTag tier={tier} />,
            key: tier,
            render: (_: unknown, r: Row) => (
              <Link to={`/households?unitCode=${r.unitCode}&tier=${tier}`}>
                {t('dashboard.cell', { rate: rate(r.byTier[tier].completionRate), overdue: r.byTier[tier].overdue })}
              </Link>
            ),
          })),
        ]}
      />
    </Card>
  );
}

import { Table } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import type { UnitSummary } from '@jiceng/shared/schemas/org';

/** Units with click-through to each one's page. */
export function UnitTable({ units, caption }: { units: UnitSummary[]; caption?: string }) {
  const { t } = useI18n();
  return (
    <Table<UnitSummary>
      rowKey="code"
      size="small"
      dataSource={units}
      pagination={units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      aria-label={caption}
      columns={[
        { title: t('org.name'), dataIndex: 'name', render: (name: string, u) => <Link to={`/org/${u.code}`}>{name}</Link> },
        { title: t('org.code'), dataIndex: 'code' },
        { title: t('org.level'), dataIndex: 'level', render: (level: UnitSummary['level']) => t(`level.${level}` as const) },
        { title: t('org.childCount'), dataIndex: 'childCount', align: 'right' },
        { title: t('org.userCount'), dataIndex: 'userCount', align: 'right' },
        { title: t('org.leader'), dataIndex: 'leader', render: (l: UnitSummary['leader']) => l?.displayName ?? '—' },
      ]}
    />
  );
}

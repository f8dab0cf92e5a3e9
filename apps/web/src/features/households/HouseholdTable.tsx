import { Space, type TablePaginationConfig, Tag } from 'antd';
import { DataTable } from '../../app/DataTable';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { TierTag } from './TierTag';
import type { HouseholdSummary } from '@jiceng/shared/schemas/households';

interface Props {
  households: HouseholdSummary[];
  loading: boolean;
  pagination: TablePaginationConfig;
  onTag?: (tag: string) => void;
}

export function HouseholdTable({ households, loading, pagination, onTag }: Props) {
  const { t } = useI18n();
  return (
    <DataTable<HouseholdSummary>
      loading={loading}
      dataSource={households}
      pagination={pagination}
      aria-label={t('register.title')}
      columns={[
        { title: t('register.head'), dataIndex: 'headName', render: (name: string, h) => <Link to={`/households/${h.id}`}>{name}</Link> },
        { title: t('register.tier'), dataIndex: 'tier', render: (_, h) => <TierTag tier={h.tier} category={h.tierCategory} /> },
        {
          title: t('register.tags'),
          dataIndex: 'tags',
          render: (tags: string[]) => (
            <Space size={4} wrap>
              {tags.map((tag) => (
                <Tag key={tag} style={{ cursor: onTag ? 'pointer' : undefined }} onClick={() => onTag?.(tag)}>
                  {tag}
                </Tag>
              ))}
            </Space>
          ),
        },
        { title: t('register.unit'), dataIndex: 'unitName' },
        { title: t('register.address'), dataIndex: 'address' },
        { title: t('register.members'), dataIndex: 'memberCount' },
        { title: t('register.idNumber'), dataIndex: 'headIdNumber', render: (v: string | null) => v ?? '—' },
        { title: t('register.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

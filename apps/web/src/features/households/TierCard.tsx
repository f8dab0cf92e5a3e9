import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { TierModal } from './TierModal';
import { TierTag } from './TierTag';
import type { Household, TierChange } from '@jiceng/shared/schemas/households';

/** The tier's history (who, when, why) and, for those who may, the change-tier dialog. */
export function TierCard({ household: h, onChanged }: { household: Household; onChanged: (h: Household) => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const [changing, setChanging] = useState(false);
  return (
    <Card
      size="small"
      title={t('register.tierHistory')}
      extra={
        can('household:write') && (
          <Button size="small" onClick={() => setChanging(true)}>
            {t('register.changeTier')}
          </Button>
        )
      }
    >
      <Table<TierChange>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={h.tierHistory}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('register.changedAt'), dataIndex: 'changedAt', render: (at: string) => new Date(at).toLocaleString(locale) },
          { title: t('register.fromTier'), dataIndex: 'fromTier', render: (_, c) => (c.fromTier ? <TierTag tier={c.fromTier} /> : '—') },
          { title: t('register.toTier'), dataIndex: 'toTier', render: (_, c) => <TierTag tier={c.toTier} category={c.category} /> },
          { title: t('register.reason'), dataIndex: 'reason' },
          { title: t('register.changedBy'), dataIndex: 'changedByName', render: (v: string | null) => v ?? '—' },
        ]}
      />
      {changing && (
        <TierModal
          household={h}
          onDone={(saved) => {
            setChanging(false);
            onChanged(saved);
          }}
          onCancel={() => setChanging(false)}
        />
      )}
    </Card>
  );
}

import { MATTER_STATES, type MatterState } from '@jiceng/shared/matters/states';
import { Button, Card, Select, Space, Switch, Typography } from 'antd';
import { DataTable } from '../../app/DataTable';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { UnitPicker } from '../org/UnitPicker';
import { Countdown } from './Countdown';
import { fmt } from './format';
import { PrintCardsButton } from './PrintCardsButton';
import { ReportModal } from './ReportModal';
import { StateTag } from './StateTag';
import type { MatterSummary } from '@jiceng/shared/schemas/matters';
import { useCategories } from './useCategories';

const OPEN_STATES = MATTER_STATES.filter((s) => !['closed', 'closedUnresolved', 'merged'].includes(s));
const PAGE = 50;

/** The actor's queue of open matters, most urgent stage deadline first; overdue ones in red. */
export default function MattersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { nameOf } = useCategories();
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const [state, setState] = useState<MatterState | undefined>();
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [items, setItems] = useState<MatterSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const [reporting, setReporting] = useState(false);

  const load = async (after: string | null) => {
    setLoading(true);
    try {
      const page = await api.get<{ items: MatterSummary[]; nextAfter: string | null }>('/matters/queue', { unitCode, state, after, limit: PAGE });
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setNext(page.nextAfter);
    } finally {
      setLoading(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when a filter changes
  useEffect(() => {
    load(null).catch(() => setItems([]));
  }, [unitCode, state, tick]);

  const shown = onlyOverdue ? items.filter((m) => m.overdue) : items;
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('matters.queue')}</h1>}
      extra={
        <Space wrap>
          {can('household:read') && <PrintCardsButton />}
          {can('matter:report') && (
            <Button type="primary" onClick={() => setReporting(true)}>
              {t('matters.reportOnBehalf')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {can('unit:read') && <UnitPicker value={unitCode} onChange={setUnitCode} allowClear />}
        <Select<MatterState>
          aria-label={t('matters.state')}
          placeholder={t('matters.state')}
          allowClear
          value={state}
          onChange={setState}
          style={{ minWidth: 140 }}
          options={OPEN_STATES.map((s) => ({ value: s, label: t(`matters.s.${s}`) }))}
        />
        <Space>
          <Switch checked={onlyOverdue} onChange={setOnlyOverdue} aria-label={t('matters.onlyOverdue')} />
          {t('matters.onlyOverdue')}
        </Space>
      </Space>
      <DataTable<MatterSummary>
        size="middle"
        loading={loading}
        dataSource={shown}
        locale={{ emptyText: t('matters.empty') }}
        onRow={(m) => ({ style: m.overdue ? { background: '#fff1f0' } : undefined })}
        columns={[
          { title: t('matters.code'), dataIndex: 'trackingCode', render: (code: string, m) => <Link to={`/matters/${m.id}`}>{code}</Link> },
          { title: t('matters.state'), dataIndex: 'state', render: (s: MatterState) => <StateTag state={s} /> },
          {
            title: t('matters.deadline'),
            dataIndex: 'stageDeadline',
            render: (d: string | null, m) => (
              <div>
                <div style={m.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{fmt(d)}</div>
                <Countdown deadline={d} paused={m.paused} />
              </div>
            ),
          },
          { title: t('matters.category'), dataIndex: 'categoryCode', render: nameOf },
          {
            title: t('matters.description'),
            dataIndex: 'description',
            render: (d: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 360 }}>
                {d}
              </Typography.Paragraph>
            ),
          },
          { title: t('matters.unit'), dataIndex: 'unitName' },
          { title: t('matters.responsible'), dataIndex: 'responsibleUnitName' },
          { title: t('matters.reportedAt'), dataIndex: 'createdAt', render: fmt },
        ]}
      />
      {next && (
        <Button block style={{ marginTop: 12 }} loading={loading} onClick={() => load(next)}>
          {t('common.more')}
        </Button>
      )}
      {reporting && (
        <ReportModal
          onCancel={() => setReporting(false)}
          onDone={() => {
            setReporting(false);
            setTick((n) => n + 1);
          }}
        />
      )}
    </Card>
  );
}

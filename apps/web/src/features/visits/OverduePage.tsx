import { Alert, Card, Empty, Flex, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Tier } from '@jiceng/shared/tier';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { Unit } from '@jiceng/shared/schemas/org';
import type { Overdue } from '@jiceng/shared/schemas/visits';
import { useLoad } from '../../app/useLoad';
import { TierTag } from '../households/TierTag';
import { UnitPicker } from '../org/UnitPicker';

const PAGE = 50;

type OverdueItem = Overdue['items'][number];

const day = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD') : null);

/** 逾期未访: the households of a unit whose visit is overdue, reds and the longest overdue first. */
export default function OverduePage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const code = useParams().code ?? me.unitCode ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const { data, loading, error } = useLoad(
    () =>
      code
        ? Promise.all([api.get<Overdue>('/visits/overdue', { unitCode: code, limit: PAGE, offset: (page - 1) * PAGE }), api.get<Unit>(`/units/${code}`)])
        : Promise.resolve(undefined),
    [code, page],
  );
  const [overdue, unit] = data ?? [];
  const picker = <UnitPicker key={code} value={code || undefined} onChange={(v) => v && navigate(`/overdue/${v}`)} style={{ maxWidth: '100%' }} />;
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0, whiteSpace: 'normal' }}>{t('overdue.title', { name: unit?.name ?? '' })}</h1>}>
      <Flex vertical gap={12}>
        {picker}
        {!code && <Alert type="info" showIcon title={t('unit.chooseFirst')} />}
        {error ? <Alert type="error" showIcon title={(error as Error).message} /> : null}
        {overdue && <Typography.Text>{t('overdue.total', { n: overdue.total })}</Typography.Text>}
        {code && (
          <Table<OverdueItem>
            rowKey="householdId"
            size="small"
            loading={loading}
            dataSource={overdue?.items ?? []}
            aria-label={t('overdue.table')}
            locale={{ emptyText: <Empty description={t('overdue.none')} /> }}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: overdue?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => setParams(p > 1 ? { page: String(p) } : {}, { replace: true }),
            }}
            columns={[
              { title: t('register.head'), dataIndex: 'headName', render: (name: string, h) => <Link to={`/households/${h.householdId}`}>{name}</Link> },
              { title: t('register.tier'), dataIndex: 'tier', render: (tier: Tier) => <TierTag tier={tier} /> },
              { title: t('overdue.daysOverdue'), dataIndex: 'daysOverdue', render: (n: number) => t('overdue.days', { n }) },
              { title: t('overdue.representative'), dataIndex: 'representativeName', render: (v: string | null) => v ?? t('overdue.noRepresentative') },
              { title: t('overdue.lastVisit'), dataIndex: 'lastVisitAt', render: (v: string | null) => day(v) ?? t('overdue.never') },
              { title: t('overdue.dueAt'), dataIndex: 'dueAt', render: (v: string) => day(v) },
              { title: t('register.address'), dataIndex: 'address' },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}

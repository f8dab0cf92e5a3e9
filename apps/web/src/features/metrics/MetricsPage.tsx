import { Alert, Button, Card, Col, DatePicker, Flex, Row, Segmented, Statistic } from 'antd';
import { DataTable } from '../../app/DataTable';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api, withQuery } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useLoad } from '../../app/useLoad';
import { Chart } from '../dashboard/Chart';
import { UnitPicker } from '../org/UnitPicker';

const RATES = ['response', 'resolution', 'satisfaction', 'onTime', 'reopen', 'settledInVillage', 'settledInTownship'] as const;
type Rate = (typeof RATES)[number];
type Fraction = { num: number; den: number; rate: number | null };
type MetricRow = { key: string; name: string } & Record<Rate, Fraction>;
interface Result {
  unitName: string;
  total: MetricRow;
  rows: MetricRow[];
}
type GroupBy = 'unit' | 'department' | 'month';

const LABEL = {
  response: 'metrics.responseRate',
  resolution: 'metrics.resolutionRate',
  satisfaction: 'metrics.satisfactionRate',
  onTime: 'metrics.onTimeRate',
  reopen: 'metrics.reopenRate',
  settledInVillage: 'metrics.villageShare',
  settledInTownship: 'metrics.townshipShare',
} as const;
const pct = (f: Fraction) => (f.rate === null ? null : Math.round(f.rate * 1000) / 10);

/** 效能: the matter rates of a unit over months, by child unit, department or month, as charts, a table and xlsx. */
export default function MetricsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [unitCode, setUnitCode] = useState<string | undefined>(me.unitCode ?? undefined);
  const [groupBy, setGroupBy] = useState<GroupBy>('unit');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month').subtract(5, 'month'), dayjs().startOf('month')]);
  const query = { unitCode, groupBy, from: range[0].startOf('month').format('YYYY-MM-DD'), to: range[1].add(1, 'month').startOf('month').format('YYYY-MM-DD') };
  // An administrator belongs to no unit: nothing is asked until a unit is chosen.
  const { data, loading } = useLoad(
    () => (unitCode ? api.get<Result>('/metrics/matters', query) : Promise.resolve(undefined)),
    [unitCode, groupBy, query.from, query.to],
  );
  const rows = data?.rows ?? [];
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      // One scrolling line of legend above the plot, never over the bars or axis labels.
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: (['response', 'resolution', 'satisfaction'] as const).map((r) => ({ name: t(LABEL[r]), type: 'bar', data: rows.map((row) => pct(row[r])) })),
    }),
    [rows, t],
  );
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('metrics.title')}</h1>}
      extra={
        <Button href={unitCode ? `/api${withQuery('/metrics/matters/export.xlsx', query)}` : undefined} disabled={!unitCode}>
          {t('metrics.export')}
        </Button>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <UnitPicker value={unitCode} onChange={setUnitCode} style={{ maxWidth: '100%' }} />
        <DatePicker.RangePicker picker="month" allowClear={false} value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        <Segmented<GroupBy>
          value={groupBy}
          onChange={setGroupBy}
          options={[
            { value: 'unit', label: t('metrics.byUnit') },
            { value: 'department', label: t('metrics.byDepartment') },
            { value: 'month', label: t('metrics.byMonth') },
          ]}
        />
      </Flex>
      {!unitCode && <Alert type="info" showIcon title={t('unit.chooseFirst')} style={{ marginBottom: 16 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {RATES.map((r) => (
          <Col key={r} xs={12} sm={8} lg={6} xl={3}>
            <Statistic
              title={t(LABEL[r])}
              loading={loading}
              value={data ? (pct(data.total[r]) ?? '—') : '—'}
              suffix={data && data.total[r].rate !== null ? '%' : undefined}
            />
            {data && <div style={{ color: '#595959', fontSize: 12 }}>{`${data.total[r].num}/${data.total[r].den}`}</div>}
          </Col>
        ))}
      </Row>
      <Chart option={option} label={t('metrics.title')} height={300} />
      <DataTable<MetricRow>
        rowKey="key"
        loading={loading}
        dataSource={rows}
        style={{ marginTop: 16 }}
        columns={[
          { title: groupBy === 'month' ? t('metrics.month') : t('metrics.name'), dataIndex: 'name' },
          ...RATES.map((r) => ({
            title: t(LABEL[r]),
            key: r,
            render: (_: unknown, row: MetricRow) => (row[r].rate === null ? '—' : `${pct(row[r])}% (${row[r].num}/${row[r].den})`),
          })),
        ]}
      />
    </Card>
  );
}

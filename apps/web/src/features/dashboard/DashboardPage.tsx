import { Alert, Breadcrumb, Card, Col, Flex, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { Loading } from '../../app/Loading';
import type { Unit } from '@jiceng/shared/schemas/org';
import { useLoad } from '../../app/useLoad';
import { TIER_COLOR, TIERS } from '../households/TierTag';
import { UnitPicker } from '../org/UnitPicker';
import type { Coverage } from '@jiceng/shared/schemas/linkage';
import { Chart } from './Chart';
import { DashboardTable } from './DashboardTable';
import type { VisitSummary as Summary } from '@jiceng/shared/schemas/visits';

const pct = (r: number | null) => (r === null ? 0 : Math.round(r * 1000) / 10);

/** Visits and linkage for the user's unit, by child unit and tier; a click drills into a child. */
export default function DashboardPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const code = useParams().code ?? me.unitCode ?? '';
  // An administrator belongs to no unit: nothing is asked until a unit is chosen.
  const { data, error } = useLoad(
    () =>
      !code
        ? Promise.resolve(undefined)
        : Promise.all([
            api.get<Summary>('/visits/summary', { unitCode: code }),
            api.get<Coverage>('/linkage/coverage', { unitCode: code }),
            api.get<Unit>(`/units/${code}`),
          ]),
    [code],
  );
  const [summary, coverage, unit] = data ?? [];
  const names = summary?.items.map((i) => i.name) ?? [];
  const drill = (i: number) => {
    const child = summary?.items[i]?.unitCode;
    if (child && child !== code) navigate(`/dashboard/${child}`);
  };
  const options = useMemo(() => {
    if (!summary || !coverage) return null;
    const base = {
      tooltip: { trigger: 'axis' },
      // One scrolling line of legend above the plot, never over the bars or axis labels.
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { hideOverlap: true, rotate: names.length > 4 ? 30 : 0 } },
    };
    const tierSeries = (value: (f: Summary['items'][number]['byTier']['red']) => number, stack?: string) =>
      TIERS.map((tier) => ({
        type: 'bar',
        barMaxWidth: 40,
        name: t(`tier.${tier}` as const),
        stack,
        itemStyle: { color: TIER_COLOR[tier] },
        data: summary.items.map((i) => value(i.byTier[tier])),
      }));
    const cov = new Map(coverage.items.map((c) => [c.unitCode, c]));
    return {
      completion: { ...base, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }, series: tierSeries((f) => pct(f.completionRate)) },
      overdue: { ...base, yAxis: { type: 'value', minInterval: 1 }, series: tierSeries((f) => f.overdue, 'overdue') },
      coverage: {
        ...base,
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            barMaxWidth: 40,
            name: t('dashboard.linked'),
            stack: 'c',
            itemStyle: { color: '#389e0d' },
            data: summary.items.map((i) => cov.get(i.unitCode)?.linked ?? 0),
          },
          {
            type: 'bar',
            barMaxWidth: 40,
            name: t('dashboard.unlinked'),
            stack: 'c',
            itemStyle: { color: '#bfbfbf' },
            data: summary.items.map((i) => cov.get(i.unitCode)?.unlinked ?? 0),
          },
        ],
      },
    };
  }, [summary, coverage, t, names]);
  const picker = !me.unitCode && (
    <UnitPicker key={code} value={code || undefined} onChange={(v) => v && navigate(`/dashboard/${v}`)} style={{ maxWidth: '100%' }} />
  );
  if (!code)
    return (
      <Flex vertical gap={16}>
        <h1 style={{ fontSize: 18, margin: 0 }}>{t('nav.dashboard')}</h1>
        {picker}
        <Alert type="info" showIcon title={t('unit.chooseFirst')} />
      </Flex>
    );
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (!summary || !coverage || !unit || !options) return <Loading />;
  const top = me.unitCode ?? '';
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={unit.path
          .filter((p) => p.code.startsWith(top))
          .map((p) => ({ key: p.code, title: p.code === code ? p.name : <Link to={`/dashboard/${p.code}`}>{p.name}</Link> }))}
      />
      {picker}
      <h1 style={{ fontSize: 18, margin: 0 }}>{t('dashboard.titleOf', { name: unit.name })}</h1>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={t('dashboard.households')} value={summary.total.households} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('dashboard.coverage')}
            value={coverage.total.households ? Math.round((coverage.total.linked / coverage.total.households) * 100) : 0}
            suffix="%"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('dashboard.completion')} value={pct(summary.total.completionRate)} suffix="%" />
        </Col>
        <Col xs={12} md={6}>
          <Link to={`/overdue/${code}`}>
            <Statistic
              title={t('dashboard.overdue')}
              value={summary.total.overdue}
              styles={{ content: { color: summary.total.overdue ? '#cf1322' : undefined } }}
            />
          </Link>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.completionByTier')}>
            <Chart option={options.completion} onClick={drill} label={t('dashboard.completionByTier')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.overdueByTier')}>
            <Chart option={options.overdue} onClick={drill} label={t('dashboard.overdueByTier')} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.coverageByUnit')}>
            <Chart option={options.coverage} onClick={drill} label={t('dashboard.coverageByUnit')} height={240} />
          </Card>
        </Col>
      </Row>
      <DashboardTable summary={summary} coverage={coverage} current={code} />
    </Flex>
  );
}

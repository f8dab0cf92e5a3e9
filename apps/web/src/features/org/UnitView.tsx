import { Breadcrumb, Card, Descriptions, Result } from 'antd';
import { Link } from 'react-router';
import { isWithin } from '@jiceng/shared/units';
import { ApiError, api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { Loading } from '../../app/Loading';
import type { Unit } from '@jiceng/shared/schemas/org';
import { useLoad } from '../../app/useLoad';
import { UnitActions } from './UnitActions';
import { UnitTable } from './UnitTable';

/** One unit: breadcrumb, its facts, what the actor may do with it, and its children. */
export function UnitView({ code }: { code: string }) {
  const { t } = useI18n();
  const me = useMe();
  const { data: unit, error, loading, reload } = useLoad(() => api.get<Unit>(`/units/${code}`), [code]);
  if (loading && !unit) return <Loading />;
  if (error || !unit) {
    const status = error instanceof ApiError && error.status === 404 ? '404' : error instanceof ApiError && error.status === 403 ? '403' : 'error';
    return <Result status={status} title={t('org.refused')} subTitle={(error as Error | null)?.message} extra={<Link to="/org">{t('common.back')}</Link>} />;
  }
  const crumbs = unit.path.map((p) => ({
    key: p.code,
    title: p.code !== unit.code && isWithin(p.code, me.unitCode) ? <Link to={`/org/${p.code}`}>{p.name}</Link> : p.name,
  }));
  return (
    <>
      <Breadcrumb items={crumbs} />
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{unit.name}</h1>} extra={<UnitActions unit={unit} onChanged={reload} />}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('org.code')}>{unit.code}</Descriptions.Item>
          <Descriptions.Item label={t('org.level')}>{t(`level.${unit.level}` as const)}</Descriptions.Item>
          <Descriptions.Item label={t('org.leader')}>
            {unit.leader ? [unit.leader.displayName, unit.leader.phone].filter(Boolean).join(' ') : t('common.none')}
          </Descriptions.Item>
          {unit.officialName && <Descriptions.Item label={t('org.officialName')}>{unit.officialName}</Descriptions.Item>}
          <Descriptions.Item label={t('org.childCount')}>{unit.childCount}</Descriptions.Item>
          <Descriptions.Item label={t('org.userCount')}>{unit.userCount}</Descriptions.Item>
        </Descriptions>
      </Card>
      {unit.level !== 'group' && (
        <Card title={t('org.children')} size="small">
          <UnitTable units={unit.children} caption={t('org.children')} />
        </Card>
      )}
    </>
  );
}

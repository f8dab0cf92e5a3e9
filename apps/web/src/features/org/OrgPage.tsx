import { Card, Result } from 'antd';
import { Navigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { Loading } from '../../app/Loading';
import type { UnitSummary } from '@jiceng/shared/schemas/org';
import { useLoad } from '../../app/useLoad';
import { UnitSearch } from './UnitSearch';
import { UnitTable } from './UnitTable';
import { UnitView } from './UnitView';

/** /org starts at the actor's own unit (or, for a system admin, the roots); /org/:code deep-links. */
export default function OrgPage() {
  const { code } = useParams();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <UnitSearch />
      {code ? <UnitView key={code} code={code} /> : <Start />}
    </div>
  );
}

function Start() {
  const { t } = useI18n();
  const { data, error, loading } = useLoad(() => api.get<UnitSummary[]>('/units'), []);
  if (loading) return <Loading />;
  if (error) return <Result status="error" title={(error as Error).message} />;
  const units = data ?? [];
  if (units.length === 1) return <Navigate to={`/org/${units[0]!.code}`} replace />;
  return (
    <Card title={t('org.roots')}>
      <UnitTable units={units} />
    </Card>
  );
}

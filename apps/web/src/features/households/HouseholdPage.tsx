import { Alert, Button, Card, Descriptions, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { Loading } from '../../app/Loading';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';
import { VisitHistory } from '../visits/VisitHistory';
import { HouseholdFormModal } from './HouseholdFormModal';
import { LinkageCard } from './LinkageCard';
import { MembersCard } from './MembersCard';
import { TierCard } from './TierCard';
import { TierTag } from './TierTag';
import type { Household } from '@jiceng/shared/schemas/households';

/** One household: its fields, members (masked, revealable), tier with history, representative and visits. */
export default function HouseholdPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const showError = useApiError();
  const [editing, setEditing] = useState(false);
  const { data: h, error, setData } = useLoad(() => api.get<Household>(`/households/${id}`), [id]);
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (!h) return <Loading />;
  const write = can('household:write');
  const remove = async () => {
    try {
      await api.delete(`/households/${h.id}`);
      navigate('/households');
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <h1 style={{ fontSize: 18, margin: 0 }}>{t('register.householdOf', { name: h.headName })}</h1>
            <TierTag tier={h.tier} category={h.tierCategory} />
          </Space>
        }
        extra={<Link to="/households">{t('common.back')}</Link>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('register.unit')}>{h.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('register.address')}>{h.address}</Descriptions.Item>
          <Descriptions.Item label={t('register.householdNo')}>{h.householdNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('register.phone')}>{h.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('register.tags')}>
            {h.tags.length
              ? h.tags.map((tag) => (
                  <Tag key={tag}>
                    <Link to={`/households?tags=${encodeURIComponent(tag)}`}>{tag}</Link>
                  </Tag>
                ))
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('register.notes')}>{h.notes ?? '—'}</Descriptions.Item>
        </Descriptions>
        {write && (
          <Space wrap style={{ marginTop: 8 }}>
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            <Popconfirm title={t('common.confirmDelete', { name: h.headName })} onConfirm={remove} okText={t('common.delete')} cancelText={t('common.cancel')}>
              <Button danger>{t('common.delete')}</Button>
            </Popconfirm>
          </Space>
        )}
      </Card>
      <MembersCard household={h} onChanged={setData} />
      <TierCard household={h} onChanged={setData} />
      <LinkageCard householdId={h.id} />
      {can('visit:read') && <VisitHistory householdId={h.id} />}
      {editing && (
        <HouseholdFormModal
          household={h}
          onDone={(saved) => {
            setData(saved);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </Space>
  );
}

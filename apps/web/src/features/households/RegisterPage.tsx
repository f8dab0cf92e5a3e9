import { Alert, Button, Card, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Tier } from '@jiceng/shared/tier';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useLoad } from '../../app/useLoad';
import { UnitPicker } from '../org/UnitPicker';
import { HouseholdFormModal } from './HouseholdFormModal';
import { HouseholdTable } from './HouseholdTable';
import { TIERS } from './TierTag';
import type { HouseholdSummary } from '@jiceng/shared/schemas/households';

const PAGE = 20;
const FILTERS = ['unitCode', 'tier', 'tags', 'linkage', 'q'] as const;

/** 民情台账: households in scope, filtered by unit subtree, tier, tags, linkage and text; filters live in the URL. */
export default function RegisterPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const f = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
  const page = Number(params.get('page') ?? 1) || 1;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const { data, loading, error } = useLoad(
    () => api.get<{ items: HouseholdSummary[]; total: number }>('/households', { ...f, offset: (page - 1) * PAGE, limit: PAGE }),
    [params.toString()],
  );
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('register.title')}</h1>}
      extra={
        <Space wrap>
          {can('household:import') && <Link to="/households/import">{t('import.title')}</Link>}
          {can('household:write') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('register.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker key={f.unitCode ?? ''} value={f.unitCode} onChange={(v) => set('unitCode', v)} allowClear style={{ maxWidth: '100%' }} />
        <Select<Tier>
          aria-label={t('register.tier')}
          placeholder={t('register.allTiers')}
          allowClear
          value={f.tier as Tier | undefined}
          onChange={(v) => set('tier', v)}
          style={{ minWidth: 130 }}
          options={TIERS.map((x) => ({ value: x, label: t(`tier.${x}` as const) }))}
        />
        <Select
          aria-label={t('register.linkage')}
          placeholder={t('register.allLinkage')}
          allowClear
          value={f.linkage}
          onChange={(v) => set('linkage', v)}
          style={{ minWidth: 130 }}
          options={[
            { value: 'linked', label: t('register.linked') },
            { value: 'unlinked', label: t('register.unlinked') },
          ]}
        />
        <Input.Search
          aria-label={t('register.tags')}
          placeholder={t('register.tagsPlaceholder')}
          allowClear
          defaultValue={f.tags}
          onSearch={(v) => set('tags', v.trim())}
          style={{ width: 200 }}
        />
        <Input.Search
          aria-label={t('register.search')}
          placeholder={t('register.search')}
          allowClear
          defaultValue={f.q}
          onSearch={(v) => set('q', v.trim())}
          style={{ width: 220 }}
        />
      </Space>
      {error ? <Alert type="error" showIcon title={(error as Error).message} style={{ marginBottom: 12 }} /> : null}
      <HouseholdTable
        households={data?.items ?? []}
        loading={loading}
        onTag={(tag) => set('tags', tag)}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('register.total', { n }),
          onChange: (p) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            setParams(next, { replace: true });
          },
        }}
      />
      {creating && <HouseholdFormModal onDone={(h) => navigate(`/households/${h.id}`)} onCancel={() => setCreating(false)} />}
    </Card>
  );
}

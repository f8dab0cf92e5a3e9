import { Breadcrumb, Button, Card, Progress, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Tier } from '@jiceng/shared/tier';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useLoad } from '../../app/useLoad';
import { TIER_TAG_STYLE, TIERS } from '../households/TierTag';
import type { Counts, Coverage, Unlinked } from '@jiceng/shared/schemas/linkage';

type Row = Coverage['items'][number];

/** 户户有人联: linked and unlinked households per child unit and tier, drilled down to the group, with the unlinked listed. */
export function CoverageView({ root }: { root: string }) {
  const { t } = useI18n();
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const unit = trail.at(-1)?.code ?? root;
  const { data } = useLoad(() => api.get<Coverage>('/linkage/coverage', { unitCode: unit }), [unit]);
  const unlinked = useLoad(() => api.get<Unlinked>('/linkage/unlinked', { unitCode: unit, limit: 100 }), [unit]);
  const pct = (c: Counts) => (c.households ? Math.round((c.linked / c.households) * 100) : 0);
  const cell = (c: Counts) => `${c.linked}/${c.households}`;
  return (
    <Card size="small" title={t('linkage.coverage')}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ code: root, name: t('linkage.whole') }, ...trail].map((u, i) => ({
          key: u.code,
          title:
            i === trail.length ? (
              u.name
            ) : (
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setTrail(trail.slice(0, i))}>
                {u.name}
              </Button>
            ),
        }))}
      />
      {data && (
        <Progress
          percent={pct(data.total)}
          aria-label={t('linkage.rate')}
          // The figure in body text colour: antd writes a full bar's text in green (2.3:1).
          format={() => (
            <span style={{ color: 'rgba(0, 0, 0, 0.88)' }}>{t('linkage.coverageTotal', { linked: data.total.linked, households: data.total.households })}</span>
          )}
        />
      )}
      <Table<Row>
        rowKey="unitCode"
        size="small"
        pagination={false}
        aria-label={t('linkage.coverage')}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('linkage.unit'),
            dataIndex: 'name',
            render: (name: string, r) =>
              r.unitCode !== unit && r.unitCode.length > unit.length ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setTrail([...trail, { code: r.unitCode, name }])}>
                  {name}
                </Button>
              ) : (
                name
              ),
          },
          { title: t('linkage.rate'), key: 'rate', render: (_, r) => `${pct(r)}%` },
          { title: t('linkage.linkedOfAll'), key: 'all', render: (_, r) => cell(r) },
          ...TIERS.map((tier: Tier) => ({
            title: <Tag style={{ ...TIER_TAG_STYLE[tier], borderColor: 'transparent' }}>{t(`tier.${tier}` as const)}</Tag>,
            key: tier,
            render: (_: unknown, r: Row) => cell(r.byTier[tier]),
          })),
        ]}
      />
      {unlinked.data && unlinked.data.total > 0 && (
        <Card size="small" type="inner" title={t('linkage.unlinkedList', { n: unlinked.data.total })} style={{ marginTop: 12 }}>
          {unlinked.data.items.map((h) => (
            <Tag key={h.id} style={{ ...TIER_TAG_STYLE[h.tier], borderColor: 'transparent', marginBottom: 4 }}>
              <Link to={`/households/${h.id}`} style={{ color: 'inherit' }}>
                {h.headName} · {h.address}
              </Link>
            </Tag>
          ))}
          {unlinked.data.total > unlinked.data.items.length && (
            <Link to={`/households?unitCode=${unit}&linkage=unlinked`}>
              <Button type="link">{t('common.more')}</Button>
            </Link>
          )}
        </Card>
      )}
    </Card>
  );
}

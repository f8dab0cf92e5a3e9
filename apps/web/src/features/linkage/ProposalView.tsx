import { App, Button, Card, Flex, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { TIER_TAG_STYLE } from '../households/TierTag';
import type { HouseholdSummary } from '@jiceng/shared/schemas/households';
import type { Proposal } from '@jiceng/shared/schemas/linkage';

interface Props {
  proposal: Proposal;
  households: Map<number, HouseholdSummary>;
  onApplied: () => void;
  onCancel: () => void;
}

/** The proposal, representative by representative, households in tier colours; a click moves one by hand; apply writes it all. */
export function ProposalView({ proposal, households, onApplied, onCancel }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const [links, setLinks] = useState(() => new Map(proposal.assignments.map((a) => [a.householdId, a.representativeUserId])));
  const [moving, setMoving] = useState<number | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const byRep = useMemo(() => {
    const m = new Map<number, number[]>(proposal.representatives.map((r) => [r.representativeUserId, []]));
    for (const [h, r] of links) m.get(r)?.push(h);
    return m;
  }, [links, proposal.representatives]);
  const unlinked = [...households.keys()].filter((id) => !links.has(id));
  const reasonOf = new Map(proposal.unassigned.map((u) => [u.householdId, u.reason]));
  const chip = (id: number) => {
    const h = households.get(id);
    return (
      <Tag
        key={id}
        style={{ ...(h ? { ...TIER_TAG_STYLE[h.tier], borderColor: 'transparent' } : {}), cursor: 'pointer', marginBottom: 4 }}
        onClick={() => {
          setMoving(id);
          setTarget(links.get(id) ?? null);
        }}
      >
        {h?.headName ?? `#${id}`}
      </Tag>
    );
  };
  const apply = async () => {
    setBusy(true);
    try {
      const assignments = [...links].map(([householdId, representativeUserId]) => ({ householdId, representativeUserId }));
      const r = await api.post<{ applied: number; changed: number; unchanged: number }>('/linkage/apply', { assignments });
      message.success(t('linkage.applied', r));
      onApplied();
    } catch (err) {
      showError(err);
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={t('linkage.proposalTitle')}
      extra={
        <Space>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={apply} loading={busy} disabled={!links.size}>
            {t('linkage.apply', { n: links.size })}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('linkage.proposalSummary', { households: proposal.households, kept: proposal.kept, unlinked: unlinked.length, max: proposal.maxPerRep })}
      </Typography.Paragraph>
      <Flex vertical gap={8}>
        {proposal.representatives.map((r) => {
          const ids = byRep.get(r.representativeUserId) ?? [];
          const reds = ids.filter((id) => households.get(id)?.tier === 'red').length;
          return (
            <Card key={r.representativeUserId} size="small" type="inner" title={`${r.displayName} · ${t('linkage.load', { n: ids.length, reds })}`}>
              {ids.length ? ids.map(chip) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
            </Card>
          );
        })}
        {unlinked.length > 0 && (
          <Card size="small" type="inner" title={t('linkage.unlinkable', { n: unlinked.length })}>
            {unlinked.map(chip)}
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {[...new Set(unlinked.map((id) => reasonOf.get(id)))].flatMap((r) => (r ? [t(`linkage.reason.${r}` as const)] : [])).join('；')}
            </Typography.Paragraph>
          </Card>
        )}
      </Flex>
      {moving !== null && (
        <Modal
          open
          title={t('linkage.move', { name: households.get(moving)?.headName ?? `#${moving}` })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onCancel={() => setMoving(null)}
          onOk={() => {
            setLinks((prev) => {
              const next = new Map(prev);
              if (target) next.set(moving, target);
              else next.delete(moving);
              return next;
            });
            setMoving(null);
          }}
        >
          <Select<number | null>
            aria-label={t('linkage.moveTo')}
            style={{ width: '100%' }}
            value={target}
            onChange={setTarget}
            options={[
              { value: null, label: t('linkage.noRep') },
              ...proposal.representatives.map((r) => ({ value: r.representativeUserId, label: r.displayName })),
            ]}
          />
        </Modal>
      )}
    </Card>
  );
}

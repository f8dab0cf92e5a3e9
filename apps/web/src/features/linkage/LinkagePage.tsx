import { Button, Card, Flex, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { levelOfCode } from '@jiceng/shared/units';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import type { HouseholdSummary } from '@jiceng/shared/schemas/households';
import { UnitPicker } from '../org/UnitPicker';
import { CoverageView } from './CoverageView';
import { HandoverModal } from './HandoverModal';
import { loadAllHouseholds } from './loadHouseholds';
import { ProposalView } from './ProposalView';
import type { Proposal } from '@jiceng/shared/schemas/linkage';

/** 联户 board for a village: propose, adjust by hand, apply; hand over a leaving representative; coverage down to the group. */
export default function LinkagePage() {
  const { t } = useI18n();
  const me = useMe();
  const showError = useApiError();
  const own = me.unitCode && levelOfCode(me.unitCode) === 'village' ? me.unitCode : undefined;
  const [village, setVillage] = useState<string | undefined>(own);
  const [maxPerRep, setMaxPerRep] = useState<number | null>(null);
  const [proposal, setProposal] = useState<{ p: Proposal; households: Map<number, HouseholdSummary> } | null>(null);
  const [busy, setBusy] = useState(false);
  const [handover, setHandover] = useState(false);
  const [tick, setTick] = useState(0);
  const propose = async () => {
    if (!village) return;
    setBusy(true);
    try {
      const [p, households] = await Promise.all([
        api.post<Proposal>('/linkage/propose', { unitCode: village, ...(maxPerRep ? { maxPerRep } : {}) }),
        loadAllHouseholds(village),
      ]);
      setProposal({ p, households });
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const changed = () => {
    setProposal(null);
    setTick((n) => n + 1);
  };
  return (
    <Flex vertical gap={16}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('linkage.title')}</h1>}>
        <Space wrap>
          <label htmlFor="linkage-village">{t('linkage.village')}</label>
          <UnitPicker
            id="linkage-village"
            value={village}
            levels={['village']}
            onChange={(v) => {
              setVillage(v);
              setProposal(null);
            }}
          />
          <InputNumber<number>
            aria-label={t('linkage.maxPerRep')}
            placeholder={t('linkage.maxPerRep')}
            min={1}
            max={200}
            value={maxPerRep}
            onChange={setMaxPerRep}
            style={{ width: 150 }}
          />
          <Button type="primary" onClick={propose} loading={busy} disabled={!village}>
            {t('linkage.propose')}
          </Button>
          <Button onClick={() => setHandover(true)} disabled={!village}>
            {t('linkage.handover')}
          </Button>
        </Space>
      </Card>
      {proposal && <ProposalView proposal={proposal.p} households={proposal.households} onApplied={changed} onCancel={() => setProposal(null)} />}
      {village && <CoverageView key={`${village}-${tick}`} root={village} />}
      {handover && village && (
        <HandoverModal
          village={village}
          onDone={() => {
            setHandover(false);
            changed();
          }}
          onCancel={() => setHandover(false)}
        />
      )}
    </Flex>
  );
}

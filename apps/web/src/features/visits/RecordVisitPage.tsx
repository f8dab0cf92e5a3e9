import { App, Button, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { VisitKind } from '@jiceng/shared/visits';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useLoad } from '../../app/useLoad';
import { shrinkPhoto } from '../../resident/photo';
import { TierTag } from '../households/TierTag';
import type { Household } from '@jiceng/shared/schemas/households';
import { enqueue, listQueued, syncQueue } from './queue';
import { newClientKey, type VisitTarget } from './types';

interface Values {
  kind: VisitKind;
  findings?: string;
  needs?: string;
  risks?: string;
}

const KINDS: VisitKind[] = ['home', 'phone', 'wechat'];

/** 记录走访 in seconds: kind, what was found, needs, risks, an optional photo. Saved on the phone first, then sent. */
export default function RecordVisitPage() {
  const { householdId } = useParams();
  const id = Number(householdId);
  const passed = useLocation().state as VisitTarget | null;
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [photo, setPhoto] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  // Opened from a list, the household comes along; a direct link asks the server (online only).
  const { data: loaded } = useLoad(() => (passed ? Promise.resolve(null) : api.get<Household>(`/households/${id}`)), [id]);
  const target: VisitTarget | null = passed ?? (loaded ? { householdId: id, headName: loaded.headName, address: loaded.address, tier: loaded.tier } : null);
  const submit = async (v: Values) => {
    setBusy(true);
    const clientKey = newClientKey();
    await enqueue({
      clientKey,
      householdId: id,
      headName: target?.headName ?? String(id),
      kind: v.kind,
      visitedAt: new Date().toISOString(),
      findings: v.findings?.trim() || null,
      needs: v.needs?.trim() || null,
      risks: v.risks?.trim() || null,
      // As the resident page does: a few hundred KB instead of the camera's megabytes.
      photo: photo ? await shrinkPhoto(photo) : null,
    });
    // Wait for the send (a few seconds at most), so the message tells the truth.
    await Promise.race([syncQueue(), new Promise((r) => setTimeout(r, 8000))]);
    const still = (await listQueued()).some((q) => q.clientKey === clientKey);
    if (still) message.warning(t('visits.savedOffline'));
    else message.success(t('visits.saved'));
    navigate('/my-visits');
  };
  return (
    <Flex vertical gap={8} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Flex align="center" gap={8} wrap>
        <Button onClick={() => navigate('/my-visits')}>{t('common.back')}</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('visits.record')}
        </Typography.Title>
      </Flex>
      {target && (
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {target.headName}
          </Typography.Text>
          <TierTag tier={target.tier} />
          <Typography.Text type="secondary">{target.address}</Typography.Text>
        </Flex>
      )}
      {/* Opened from the full list the village's rule is unknown: the default (reds need a home visit) is shown. */}
      {(target?.homeVisitRequired ?? target?.tier === 'red') && <Typography.Text type="danger">{t('visits.homeRequired')}</Typography.Text>}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'home' }}>
        <Form.Item name="kind" label={t('visits.kindLabel')}>
          <Segmented<VisitKind> block size="large" options={KINDS.map((k) => ({ value: k, label: t(`visits.kind.${k}` as const) }))} />
        </Form.Item>
        <Form.Item name="findings" label={t('visits.findings')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="needs" label={t('visits.needs')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="risks" label={t('visits.risks')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label={t('visits.photo')} htmlFor="visit-photo">
          <input
            id="visit-photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
            style={{ maxWidth: '100%' }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('visits.submit')}
        </Button>
      </Form>
    </Flex>
  );
}

import { Form, Input, Radio } from 'antd';
import type { Tier } from '@jiceng/shared/tier';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../app/FormModal';
import { TIERS } from './TierTag';
import type { Household } from '@jiceng/shared/schemas/households';

interface Values {
  tier: Tier;
  category?: string;
  reason: string;
}

/** Changes a household's tier; the reason is required and kept in the history and the audit log. */
export function TierModal({ household, onDone, onCancel }: { household: Household; onDone: (h: Household) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    onDone(await api.post<Household>(`/households/${household.id}/tier`, { tier: v.tier, category: v.category?.trim() || null, reason: v.reason }));
  };
  return (
    <FormModal title={t('register.changeTier')} form={form} onSubmit={submit} onCancel={onCancel} initialValues={{ tier: household.tier }}>
      <Form.Item name="tier" label={t('register.toTier')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={TIERS.map((x) => ({ value: x, label: t(`tier.${x}` as const) }))} />
      </Form.Item>
      <Form.Item name="category" label={t('register.tierCategory')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('register.reason')}
        rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('register.reason') }) }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}

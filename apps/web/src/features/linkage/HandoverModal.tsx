import { App, Form, Select } from 'antd';
import { api } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useI18n } from '../../app/i18n';
import type { User } from '@jiceng/shared/schemas/accounts';
import { useLoad } from '../../app/useLoad';

interface Values {
  fromUserId: number;
  toUserId: number;
}

/** A representative leaves: all their households go to one successor in one step. */
export function HandoverModal({ village, onDone, onCancel }: { village: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data } = useLoad(() => api.get<{ items: User[] }>('/users', { unitCode: village, role: 'representative', limit: 200 }), [village]);
  const options = (data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.unitName ?? ''}）` }));
  const submit = async (v: Values) => {
    const r = await api.post<{ moved: number }>('/linkage/handover', v);
    message.success(t('linkage.handedOver', { n: r.moved }));
    onDone();
  };
  const rule = (label: string) => [{ required: true, message: t('auth.required', { field: label }) }];
  return (
    <FormModal title={t('linkage.handover')} form={form} onSubmit={submit} onCancel={onCancel}>
      <Form.Item name="fromUserId" label={t('linkage.from')} rules={rule(t('linkage.from'))}>
        <Select options={options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="toUserId" label={t('linkage.to')} rules={rule(t('linkage.to'))}>
        <Select options={options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
    </FormModal>
  );
}

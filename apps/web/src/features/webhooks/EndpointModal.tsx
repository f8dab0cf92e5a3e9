import { Form, Input } from 'antd';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../app/FormModal';
import { UnitPicker } from '../org/UnitPicker';

interface Values {
  unitCode: string;
  name: string;
  url: string;
}

/** Registers a WeCom group robot for a village, zone or group chat. */
export function EndpointModal({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  const submit = async (v: Values) => {
    await api.post('/webhooks', v);
    onDone();
  };
  return (
    <FormModal title={t('webhooks.create')} form={form} onSubmit={submit} onCancel={onCancel}>
      <Form.Item name="unitCode" label={t('webhooks.unit')} rules={required(t('webhooks.unit'))}>
        <UnitPicker levels={['village', 'zone', 'group']} />
      </Form.Item>
      <Form.Item name="name" label={t('webhooks.name')} rules={required(t('webhooks.name'))}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="url" label={t('webhooks.url')} rules={required(t('webhooks.url'))}>
        <Input maxLength={500} placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
      </Form.Item>
    </FormModal>
  );
}

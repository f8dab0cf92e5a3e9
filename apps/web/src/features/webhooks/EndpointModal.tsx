import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { UnitPicker } from '../org/UnitPicker';

interface Values {
  unitCode: string;
  name: string;
  url: string;
}

/** Registers a WeCom group robot for a village, zone or group chat. */
export function EndpointModal({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await api.post('/webhooks', v);
      onDone();
    } catch (err) {
      showError(err, form);
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('webhooks.create')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="unitCode" label={t('webhooks.unit')} rules={required(t('webhooks.unit'))}>
          <UnitPicker levels={['village', 'zone', 'group']} />
        </Form.Item>
        <Form.Item name="name" label={t('webhooks.name')} rules={required(t('webhooks.name'))}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="url" label={t('webhooks.url')} rules={required(t('webhooks.url'))}>
          <Input maxLength={500} placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

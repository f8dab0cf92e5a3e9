import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useI18n } from '../../app/i18n';
import { UnitPicker } from '../org/UnitPicker';
import type { CreatedApiKey } from './types';

interface Values {
  name: string;
  unitCode: string;
}

/** Names a new key and the unit it may report at (and below). */
export function ApiKeyCreateModal({ onDone, onCancel }: { onDone: (key: CreatedApiKey) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  return (
    <FormModal
      title={t('settings.keys.create')}
      form={form}
      okText={t('common.create')}
      onSubmit={async (v) => onDone(await api.post<CreatedApiKey>('/api-keys', v))}
      onCancel={onCancel}
    >
      <Form.Item name="name" label={t('settings.keys.name')} rules={required(t('settings.keys.name'))}>
        <Input />
      </Form.Item>
      <Form.Item name="unitCode" label={t('settings.keys.unit')} rules={required(t('settings.keys.unit'))}>
        <UnitPicker style={{ width: '100%', minWidth: 0 }} />
      </Form.Item>
    </FormModal>
  );
}

/** The secret, once: only its hash is kept, so closing this is the last chance to copy it. */
export function ApiKeySecretModal({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('settings.keys.secretTitle', { name: created.name })}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('settings.keys.secretDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('settings.keys.secretWarning')} style={{ marginBottom: 12 }} />
      <Typography.Text strong>{t('settings.keys.secretLabel')}</Typography.Text>
      <Typography.Paragraph copyable={{ text: created.key }} style={{ wordBreak: 'break-all' }}>
        <code data-testid="api-key-secret">{created.key}</code>
      </Typography.Paragraph>
    </Modal>
  );
}

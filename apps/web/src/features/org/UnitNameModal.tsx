import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { UNIT_NAME_MAX } from '@jiceng/shared/units';
import { useI18n } from '../../app/i18n';
import type { Unit } from '../../app/types';
import { useApiError } from '../../app/useApiError';

/** Names a new zone or group, or renames one; the server's refusal lands on the name field. */
export function UnitNameModal(props: {
  title: string;
  initial?: string;
  save: (name: string) => Promise<Unit>;
  onDone: (u: Unit) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const showError = useApiError();
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ name }: { name: string }) => {
    setBusy(true);
    try {
      props.onDone(await props.save(name));
    } catch (err) {
      showError(err, form);
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: props.initial ?? '' }}>
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('org.name') }) }]}>
          <Input maxLength={UNIT_NAME_MAX} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

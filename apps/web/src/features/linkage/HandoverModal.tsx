import { App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { User } from '../../app/types';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';

interface Values {
  fromUserId: number;
  toUserId: number;
}

/** A representative leaves: all their households go to one successor in one step. */
export function HandoverModal({ village, onDone, onCancel }: { village: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { data } = useLoad(() => api.get<{ items: User[] }>('/users', { unitCode: village, role: 'representative', limit: 200 }), [village]);
  const options = (data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.unitName ?? ''}）` }));
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const r = await api.post<{ moved: number }>('/linkage/handover', v);
      message.success(t('linkage.handedOver', { n: r.moved }));
      onDone();
    } catch (err) {
      showError(err, form);
      setBusy(false);
    }
  };
  const rule = (label: string) => [{ required: true, message: t('auth.required', { field: label }) }];
  return (
    <Modal
      open
      title={t('linkage.handover')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="fromUserId" label={t('linkage.from')} rules={rule(t('linkage.from'))}>
          <Select options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="toUserId" label={t('linkage.to')} rules={rule(t('linkage.to'))}>
          <Select options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

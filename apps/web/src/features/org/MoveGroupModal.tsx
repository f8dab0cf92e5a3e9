import { Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { CODE_LENGTH } from '@jiceng/shared/units';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { Unit } from '../../app/types';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';

/** Moves a group to another zone of the same village (its code changes). */
export function MoveGroupModal({ group, onDone, onCancel }: { group: Unit; onDone: (u: Unit) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const showError = useApiError();
  const [form] = Form.useForm<{ zoneCode: string }>();
  const [busy, setBusy] = useState(false);
  const village = group.code.slice(0, CODE_LENGTH.village);
  const { data } = useLoad(() => api.get<Unit>(`/units/${village}`), [village]);
  const zones = (data?.children ?? []).filter((z) => z.code !== group.parentCode);
  const submit = async ({ zoneCode }: { zoneCode: string }) => {
    setBusy(true);
    try {
      onDone(await api.post<Unit>(`/units/${group.code}/move`, { zoneCode }));
    } catch (err) {
      showError(err, form);
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('org.move')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="zoneCode" label={t('org.moveTo')} rules={[{ required: true, message: t('auth.required', { field: t('org.moveTo') }) }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={zones.map((z) => ({ value: z.code, label: `${z.name}（${z.code}）` }))} loading={!data} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

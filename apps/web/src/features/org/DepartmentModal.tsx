import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { Department } from '../../app/types';
import { useApiError } from '../../app/useApiError';
import { UnitPicker } from './UnitPicker';

interface Values {
  unitCode: string;
  name: string;
  phone?: string;
}

/** Creates a department (of a district or township) or edits its name and phone. */
export function DepartmentModal({ department, onDone, onCancel }: { department: Department | null; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    const phone = v.phone?.trim() || null;
    try {
      if (department) await api.patch(`/departments/${department.id}`, { name: v.name, phone });
      else await api.post('/departments', { unitCode: v.unitCode, name: v.name, phone });
      onDone();
    } catch (err) {
      showError(err, form);
      setBusy(false);
    }
  };
  const initial = department ? { unitCode: department.unitCode, name: department.name, phone: department.phone ?? '' } : { unitCode: me.unitCode ?? undefined };
  return (
    <Modal
      open
      title={department ? t('departments.edit') : t('departments.create')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item name="unitCode" label={t('departments.unit')} rules={[{ required: true, message: t('auth.required', { field: t('departments.unit') }) }]}>
          {department ? <Input disabled /> : <UnitPicker levels={['district', 'township']} />}
        </Form.Item>
        <Form.Item
          name="name"
          label={t('departments.name')}
          rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('departments.name') }) }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('departments.phone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

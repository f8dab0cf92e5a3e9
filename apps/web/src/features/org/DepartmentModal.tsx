import { Form, Input } from 'antd';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { Department } from '@jiceng/shared/schemas/org';
import { FormModal } from '../../app/FormModal';
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
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    const phone = v.phone?.trim() || null;
    if (department) await api.patch(`/departments/${department.id}`, { name: v.name, phone });
    else await api.post('/departments', { unitCode: v.unitCode, name: v.name, phone });
    onDone();
  };
  const initial = department ? { unitCode: department.unitCode, name: department.name, phone: department.phone ?? '' } : { unitCode: me.unitCode ?? undefined };
  return (
    <FormModal title={department ? t('departments.edit') : t('departments.create')} form={form} onSubmit={submit} onCancel={onCancel} initialValues={initial}>
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
    </FormModal>
  );
}

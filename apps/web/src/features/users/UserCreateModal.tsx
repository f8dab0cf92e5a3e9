import { Form, Input, Select } from 'antd';
import { mayManageRole, ROLES, type Role } from '@jiceng/shared/roles';
import { api } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { Department } from '@jiceng/shared/schemas/org';
import { useLoad } from '../../app/useLoad';
import { UnitPicker } from '../org/UnitPicker';

interface Values {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitCode?: string;
  departmentId?: number;
  phone?: string;
}

/** Creates an account with a role below the creator's, bound to a unit (and a department for department staff). */
export function UserCreateModal({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const { data: departments } = useLoad(() => (role === 'department' ? api.get<Department[]>('/departments') : Promise.resolve([])), [role]);
  const submit = async (v: Values) => {
    await api.post('/users', {
      username: v.username,
      displayName: v.displayName,
      password: v.password,
      role: v.role,
      unitCode: v.unitCode ?? null,
      departmentId: v.role === 'department' ? (v.departmentId ?? null) : null,
      phone: v.phone?.trim() || null,
    });
    onDone();
  };
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  return (
    <FormModal title={t('users.create')} form={form} onSubmit={submit} onCancel={onCancel} initialValues={{ unitCode: me.unitCode ?? undefined }}>
      <Form.Item name="username" label={t('users.username')} rules={required(t('users.username'))}>
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.displayName')} rules={required(t('users.displayName'))}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="password" label={t('users.password')} rules={required(t('users.password'))}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('auth.required', { field: t('users.role') }) }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={ROLES.filter((r) => mayManageRole(me.role, r)).map((r) => ({ value: r, label: t(`role.${r}` as const) }))}
        />
      </Form.Item>
      <Form.Item name="unitCode" label={t('users.unit')} rules={[{ required: me.role !== 'admin', message: t('auth.required', { field: t('users.unit') }) }]}>
        <UnitPicker />
      </Form.Item>
      {role === 'department' && (
        <Form.Item
          name="departmentId"
          label={t('users.department')}
          rules={[{ required: true, message: t('auth.required', { field: t('users.department') }) }]}
        >
          <Select options={(departments ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.unitName}）` }))} />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t('users.phone')}>
        <Input maxLength={20} />
      </Form.Item>
    </FormModal>
  );
}

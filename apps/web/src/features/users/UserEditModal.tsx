import { Form, Input } from 'antd';
import { api } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useI18n } from '../../app/i18n';
import type { User } from '@jiceng/shared/schemas/accounts';

interface Values {
  displayName?: string;
  phone?: string;
  password?: string;
}

/** Edits an account's name and phone, or sets a new password for it (it must then be changed at login). */
export function UserEditModal({ user, mode, onDone, onCancel }: { user: User; mode: 'edit' | 'password'; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    const body = mode === 'password' ? { password: v.password } : { displayName: v.displayName, phone: v.phone?.trim() || null };
    await api.patch(`/users/${user.id}`, body);
    onDone();
  };
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  return (
    <FormModal
      title={`${mode === 'password' ? t('users.resetPassword') : t('users.edit')} · ${user.displayName}`}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      initialValues={{ displayName: user.displayName, phone: user.phone ?? '' }}
    >
      {mode === 'password' ? (
        <Form.Item name="password" label={t('users.newPassword')} rules={required(t('users.newPassword'))}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="displayName" label={t('users.displayName')} rules={required(t('users.displayName'))}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t('users.phone')}>
            <Input maxLength={20} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

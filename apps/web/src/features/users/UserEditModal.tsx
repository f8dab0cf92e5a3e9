import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { User } from '../../app/types';
import { useApiError } from '../../app/useApiError';

interface Values {
  displayName?: string;
  phone?: string;
  password?: string;
}

/** Edits an account's name and phone, or sets a new password for it (it must then be changed at login). */
export function UserEditModal({ user, mode, onDone, onCancel }: { user: User; mode: 'edit' | 'password'; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    const body = mode === 'password' ? { password: v.password } : { displayName: v.displayName, phone: v.phone?.trim() || null };
    try {
      await api.patch(`/users/${user.id}`, body);
      onDone();
    } catch (err) {
      showError(err, form);
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  return (
    <Modal
      open
      title={`${mode === 'password' ? t('users.resetPassword') : t('users.edit')} · ${user.displayName}`}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ displayName: user.displayName, phone: user.phone ?? '' }}>
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
      </Form>
    </Modal>
  );
}

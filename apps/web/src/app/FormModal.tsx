import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from './i18n';
import { useApiError } from './useApiError';

/**
 * A dialog holding one form: Save submits it, the button spins while the server works, and a
 * refusal is shown with its named field highlighted; the dialog stays open so the user can fix it.
 */
export function FormModal<T extends object>(props: {
  title: string;
  form: FormInstance<T>;
  onSubmit: (values: T) => Promise<void>;
  onCancel: () => void;
  initialValues?: { [K in keyof T]?: T[K] | null };
  okText?: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    try {
      await props.onSubmit(values);
    } catch (err) {
      showError(err, props.form);
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      onOk={() => props.form.submit()}
      onCancel={props.onCancel}
      confirmLoading={busy}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      width={props.width}
    >
      <Form form={props.form} layout="vertical" onFinish={submit} initialValues={props.initialValues}>
        {props.children}
      </Form>
    </Modal>
  );
}

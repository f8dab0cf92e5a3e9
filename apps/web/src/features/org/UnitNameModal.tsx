import { Form, Input } from 'antd';
import { UNIT_NAME_MAX } from '@jiceng/shared/units';
import { useI18n } from '../../app/i18n';
import type { Unit } from '@jiceng/shared/schemas/org';
import { FormModal } from '../../app/FormModal';

/** Names a new zone or group, or renames one; the server's refusal lands on the name field. */
export function UnitNameModal(props: {
  title: string;
  initial?: string;
  save: (name: string) => Promise<Unit>;
  onDone: (u: Unit) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string }>();
  const submit = async ({ name }: { name: string }) => {
    props.onDone(await props.save(name));
  };
  return (
    <FormModal title={props.title} form={form} onSubmit={submit} onCancel={props.onCancel} initialValues={{ name: props.initial ?? '' }}>
      <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('org.name') }) }]}>
        <Input maxLength={UNIT_NAME_MAX} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

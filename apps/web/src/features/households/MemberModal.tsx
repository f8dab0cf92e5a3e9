import { Form, Input } from 'antd';
import { api } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useI18n } from '../../app/i18n';
import type { Household, Resident } from '@jiceng/shared/schemas/households';

interface Values {
  name: string;
  relation: string;
  idNumber?: string;
  phone?: string;
  occupation?: string;
  livingStatus?: string;
}

/** Adds a member or edits one; masked ID numbers and phones are only sent when retyped. */
export function MemberModal({
  householdId,
  resident,
  onDone,
  onCancel,
}: {
  householdId: number;
  resident?: Resident;
  onDone: (h: Household) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    const body: Record<string, string | null> = {
      name: v.name,
      relation: v.relation,
      occupation: v.occupation?.trim() || null,
      livingStatus: v.livingStatus?.trim() || null,
    };
    for (const k of ['idNumber', 'phone'] as const) {
      const value = v[k]?.trim();
      if (value || !resident) body[k] = value || null;
    }
    const saved = resident
      ? await api.patch<Household>(`/households/${householdId}/residents/${resident.id}`, body)
      : await api.post<Household>(`/households/${householdId}/residents`, body);
    onDone(saved);
  };
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  return (
    <FormModal
      title={resident ? t('register.editMember') : t('register.addMember')}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      initialValues={{ name: resident?.name, relation: resident?.relation, occupation: resident?.occupation, livingStatus: resident?.livingStatus }}
    >
      <Form.Item name="name" label={t('register.memberName')} rules={required(t('register.memberName'))}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="relation" label={t('register.relation')} rules={required(t('register.relation'))}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="idNumber" label={t('register.idNumber')} extra={resident ? t('register.keepMasked', { value: resident.idNumber ?? '—' }) : undefined}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="phone" label={t('register.phone')} extra={resident ? t('register.keepMasked', { value: resident.phone ?? '—' }) : undefined}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="occupation" label={t('register.occupation')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="livingStatus" label={t('register.livingStatus')}>
        <Input maxLength={20} />
      </Form.Item>
    </FormModal>
  );
}

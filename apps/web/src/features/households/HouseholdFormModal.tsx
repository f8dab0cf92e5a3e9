import { Button, Form, Input, Select, Space } from 'antd';
import type { Tier } from '@jiceng/shared/tier';
import { api } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { UnitPicker } from '../org/UnitPicker';
import { TIERS } from './TierTag';
import type { Household } from '@jiceng/shared/schemas/households';

interface MemberValues {
  name: string;
  relation: string;
  idNumber?: string;
  phone?: string;
}

interface Values {
  unitCode: string;
  address: string;
  householdNo?: string;
  phone?: string;
  tags?: string[];
  notes?: string;
  tier?: Tier;
  tierCategory?: string;
  residents?: MemberValues[];
}

const blank = (v?: string) => v?.trim() || null;

/** Registers a household with its members, or edits a household's own fields (members are edited one by one). */
export function HouseholdFormModal({ household, onDone, onCancel }: { household?: Household; onDone: (h: Household) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    const fields = {
      unitCode: v.unitCode,
      address: v.address,
      householdNo: blank(v.householdNo),
      phone: blank(v.phone),
      tags: v.tags ?? [],
      notes: blank(v.notes),
    };
    // The shown phone is masked: an edit leaves it alone unless a new one is typed.
    if (household && !fields.phone) delete (fields as Partial<typeof fields>).phone;
    const saved = household
      ? await api.patch<Household>(`/households/${household.id}`, fields)
      : await api.post<Household>('/households', {
          ...fields,
          tier: v.tier ?? 'blue',
          tierCategory: blank(v.tierCategory),
          residents: (v.residents ?? []).map((r) => ({ name: r.name, relation: r.relation, idNumber: blank(r.idNumber), phone: blank(r.phone) })),
        });
    onDone(saved);
  };
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  const initial: Partial<Values> = household
    ? {
        unitCode: household.unitCode,
        address: household.address,
        householdNo: household.householdNo ?? undefined,
        tags: household.tags,
        notes: household.notes ?? undefined,
      }
    : { unitCode: me.unitCode ?? undefined, tier: 'blue', residents: [{ name: '', relation: '户主' }] };
  return (
    <FormModal
      title={household ? t('register.edit') : t('register.create')}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      initialValues={initial}
      width={640}
    >
      <Form.Item name="unitCode" label={t('register.unit')} rules={required(t('register.unit'))}>
        <UnitPicker levels={['village', 'group']} />
      </Form.Item>
      <Form.Item name="address" label={t('register.address')} rules={required(t('register.address'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="householdNo" label={t('register.householdNo')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label={t('register.phone')} extra={household ? t('register.phoneKeep') : undefined}>
          <Input maxLength={30} />
        </Form.Item>
      </Space>
      {!household && (
        <Space wrap>
          <Form.Item name="tier" label={t('register.tier')}>
            <Select style={{ minWidth: 140 }} options={TIERS.map((x) => ({ value: x, label: t(`tier.${x}` as const) }))} />
          </Form.Item>
          <Form.Item name="tierCategory" label={t('register.tierCategory')}>
            <Input maxLength={30} />
          </Form.Item>
        </Space>
      )}
      <Form.Item name="tags" label={t('register.tags')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="notes" label={t('register.notes')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      {!household && (
        <Form.List name="residents">
          {(items, { add, remove }) => (
            <>
              {items.map((item, i) => (
                <Space key={item.key} wrap align="start" style={{ borderTop: '1px dashed #eee', paddingTop: 8 }}>
                  <Form.Item name={[item.name, 'name']} label={t('register.memberName')} rules={required(t('register.memberName'))}>
                    <Input maxLength={50} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'relation']} label={t('register.relation')} rules={required(t('register.relation'))}>
                    <Input maxLength={20} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'idNumber']} label={t('register.idNumber')}>
                    <Input maxLength={30} style={{ width: 190 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'phone']} label={t('register.phone')}>
                    <Input maxLength={30} style={{ width: 130 }} />
                  </Form.Item>
                  {i > 0 && (
                    <Form.Item label=" ">
                      <Button onClick={() => remove(item.name)}>{t('common.delete')}</Button>
                    </Form.Item>
                  )}
                </Space>
              ))}
              <Button onClick={() => add({ name: '', relation: '' })}>{t('register.addMember')}</Button>
            </>
          )}
        </Form.List>
      )}
    </FormModal>
  );
}

import { Form, Select } from 'antd';
import { CODE_LENGTH } from '@jiceng/shared/units';
import { api } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useI18n } from '../../app/i18n';
import type { Unit } from '@jiceng/shared/schemas/org';
import { useLoad } from '../../app/useLoad';

/** Moves a group to another zone of the same village (its code changes). */
export function MoveGroupModal({ group, onDone, onCancel }: { group: Unit; onDone: (u: Unit) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ zoneCode: string }>();
  const village = group.code.slice(0, CODE_LENGTH.village);
  const { data } = useLoad(() => api.get<Unit>(`/units/${village}`), [village]);
  const zones = (data?.children ?? []).filter((z) => z.code !== group.parentCode);
  const submit = async ({ zoneCode }: { zoneCode: string }) => {
    onDone(await api.post<Unit>(`/units/${group.code}/move`, { zoneCode }));
  };
  return (
    <FormModal title={t('org.move')} form={form} onSubmit={submit} onCancel={onCancel}>
      <Form.Item name="zoneCode" label={t('org.moveTo')} rules={[{ required: true, message: t('auth.required', { field: t('org.moveTo') }) }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={zones.map((z) => ({ value: z.code, label: `${z.name}（${z.code}）` }))} loading={!data} />
      </Form.Item>
    </FormModal>
  );
}

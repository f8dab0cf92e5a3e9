import { URGENCIES, type Urgency } from '@jiceng/shared/matters/states';
import { App, Button, Checkbox, Form, Input, Select, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { UnitPicker } from '../org/UnitPicker';
import { useCategories } from './useCategories';

interface Values {
  unitCode: string;
  categoryCode: string;
  urgency?: Urgency;
  description: string;
  reporterName?: string;
  reporterPhone?: string;
  hideReporter?: boolean;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** A representative or cadre reports a resident's problem on their behalf (it arrives transmitted / triaged). */
export function ReportModal({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const { categories } = useCategories();
  const [form] = Form.useForm<Values>();
  const [photo, setPhoto] = useState<File | null>(null);
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  const submit = async (v: Values) => {
    const res = await api.post<{ trackingCode: string }>('/matters', {
      ...v,
      reporterName: v.reporterName?.trim() || null,
      reporterPhone: v.reporterPhone?.trim() || null,
      hideReporter: !!v.hideReporter,
      photo: photo ? await readAsDataUrl(photo) : null,
    });
    message.success(t('matters.reported', { code: res.trackingCode }));
    onDone();
  };
  const ownUnit = me.unitCode && me.unitCode.length >= 12 ? me.unitCode : undefined;
  return (
    <FormModal title={t('matters.reportOnBehalf')} form={form} onSubmit={submit} onCancel={onCancel} initialValues={{ unitCode: ownUnit }}>
      <Form.Item name="unitCode" label={t('matters.field.unitCode')} rules={required(t('matters.field.unitCode'))}>
        <UnitPicker levels={['village', 'zone', 'group']} />
      </Form.Item>
      <Form.Item name="categoryCode" label={t('matters.category')} rules={required(t('matters.category'))}>
        <Select options={categories.map((c) => ({ value: c.code, label: locale === 'en' ? c.nameEn : c.nameZh }))} />
      </Form.Item>
      <Form.Item name="urgency" label={t('matters.urgency')}>
        <Select allowClear options={URGENCIES.map((u) => ({ value: u, label: t(`matters.u.${u}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('matters.description')} rules={required(t('matters.description'))}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="photo" label={t('matters.field.photo')}>
        <Upload
          accept="image/jpeg,image/png,image/webp"
          maxCount={1}
          beforeUpload={(file) => {
            setPhoto(file);
            return false;
          }}
          onRemove={() => setPhoto(null)}
        >
          <Button>{t('matters.field.photo')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="reporterName" label={t('matters.field.name')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="reporterPhone" label={t('matters.field.phone')}>
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item name="hideReporter" valuePropName="checked">
        <Checkbox>{t('matters.field.hide')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

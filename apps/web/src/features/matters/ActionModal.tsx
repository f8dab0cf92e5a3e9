import { FIXED_VALUES, SATISFACTIONS, URGENCIES } from '@jiceng/shared/matters/states';
import type { MatterAction } from '@jiceng/shared/matters/machine';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { Department } from '@jiceng/shared/schemas/org';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';
import { type PickableUnit, UnitPicker } from '../org/UnitPicker';
import type { Category } from './types';
import type { MatterDetail } from '@jiceng/shared/schemas/matters';

// biome-ignore lint/suspicious/noExplicitAny: each action has its own payload
type Values = Record<string, any>;

/** Departments a matter may be dispatched to: its township's and its district's. */
function useDispatchDepartments(m: MatterDetail, on: boolean) {
  return useLoad(async () => {
    if (!on) return [];
    const lists = await Promise.all([m.unitCode.slice(0, 9), m.unitCode.slice(0, 6)].map((u) => api.get<Department[]>('/departments', { unitCode: u })));
    return lists.flat();
  }, [m.unitCode, on]).data;
}

function TextField({ name, label, required, min, max, hint }: { name: string; label: string; required?: boolean; min?: number; max: number; hint?: string }) {
  const { t } = useI18n();
  const rules = required ? [{ required: true, whitespace: true, min, message: t('auth.required', { field: label }) }] : [];
  return (
    <Form.Item name={name} label={label} rules={rules} extra={hint}>
      <Input.TextArea rows={3} maxLength={max} showCount />
    </Form.Item>
  );
}

/** One small form per action with the fields it needs; sends the version seen (409 → refresh). */
export function ActionModal({ matter: m, action, onDone, onCancel }: { matter: MatterDetail; action: MatterAction; onDone: () => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const departments = useDispatchDepartments(m, action === 'dispatch');
  const categories = useLoad(() => (action === 'triage' ? api.get<Category[]>('/public/categories') : Promise.resolve([])), [action]).data;
  const label = t(`matters.action.${action}`);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      // One route for every action: the body names it (matterActionBody, a oneOf in the API document).
      await api.post(`/matters/${m.id}/actions`, { ...v, action, version: m.version });
      message.success(t('matters.done', { action: label }));
      onDone();
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        message.error(t('matters.conflict'));
        onDone();
        return;
      }
      showError(err, form);
    }
  };
  const field = (k: Parameters<typeof t>[0]) => t(k);
  const body = (() => {
    switch (action) {
      case 'settleOnSpot':
      case 'resolve':
        return <TextField name="result" label={field('matters.field.result')} required min={2} max={2000} />;
      case 'escalate':
      case 'reopen':
      case 'pause':
        return <TextField name="reason" label={field('matters.field.reason')} required min={2} max={500} />;
      case 'closeUnresolved':
        return <TextField name="reason" label={field('matters.field.reason')} required min={5} max={500} hint={t('matters.closeUnresolvedHint')} />;
      case 'feedback':
        return <TextField name="message" label={field('matters.field.message')} required min={2} max={1000} hint={t('matters.feedbackHint')} />;
      case 'reply':
        return <TextField name="reply" label={field('matters.field.reply')} required min={2} max={2000} />;
      case 'transfer':
        return (
          <>
            <Form.Item
              name="targetUnitCode"
              label={field('matters.field.target')}
              rules={[{ required: true, message: t('auth.required', { field: field('matters.field.target') }) }]}
            >
              {/* Sideways too: any village, township or the district of the matter's district. */}
              <UnitPicker search={(q) => api.get<PickableUnit[]>(`/matters/${m.id}/transfer-targets`, { q })} />
            </Form.Item>
            <TextField name="reason" label={field('matters.field.reason')} required min={2} max={500} />
          </>
        );
      case 'dispatch': {
        const options = (departments ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.unitName}）` }));
        return (
          <>
            <Form.Item
              name="leadDepartmentId"
              label={field('matters.field.lead')}
              rules={[{ required: true, message: t('auth.required', { field: field('matters.field.lead') }) }]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={options} loading={!departments} />
            </Form.Item>
            <Form.Item name="cooperateDepartmentIds" label={field('matters.field.cooperate')}>
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} />
            </Form.Item>
            <TextField name="note" label={field('matters.field.note')} max={500} />
          </>
        );
      }
      case 'triage':
        return (
          <>
            <Form.Item name="categoryCode" label={t('matters.category')}>
              <Select allowClear options={(categories ?? []).map((c) => ({ value: c.code, label: locale === 'en' ? c.nameEn : c.nameZh }))} />
            </Form.Item>
            <Form.Item name="urgency" label={t('matters.urgency')}>
              <Select allowClear options={URGENCIES.map((u) => ({ value: u, label: t(`matters.u.${u}`) }))} />
            </Form.Item>
            <TextField name="note" label={field('matters.field.note')} max={500} />
          </>
        );
      case 'rate':
        return (
          <>
            <Form.Item
              name="satisfaction"
              label={field('matters.field.satisfaction')}
              rules={[{ required: true, message: t('auth.required', { field: field('matters.field.satisfaction') }) }]}
            >
              <Radio.Group optionType="button" options={SATISFACTIONS.map((s) => ({ value: s, label: t(`matters.sat.${s}`) }))} />
            </Form.Item>
            <Form.Item
              name="fixed"
              label={field('matters.field.fixed')}
              rules={[{ required: true, message: t('auth.required', { field: field('matters.field.fixed') }) }]}
            >
              <Radio.Group optionType="button" options={FIXED_VALUES.map((f) => ({ value: f, label: t(`matters.fix.${f}`) }))} />
            </Form.Item>
            <TextField name="comment" label={field('matters.field.comment')} max={500} />
          </>
        );
      default:
        return <TextField name="note" label={field('matters.field.note')} max={500} />;
    }
  })();
  return (
    <Modal open title={label} onOk={() => form.submit()} onCancel={onCancel} confirmLoading={busy} okText={label} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" onFinish={submit}>
        {body}
      </Form>
    </Modal>
  );
}

import { URGENCIES } from '@jiceng/shared/matters/states';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { DEFAULT_LIMITS } from '@jiceng/shared/matters/deadlines';
import { api } from '../../app/api';
import { FormModal } from '../../app/FormModal';
import { useI18n } from '../../app/i18n';
import { formatHours } from './format';
import type { Category, CategoryBody, HourField } from './types';

type Values = CategoryBody & { code: string };

const SUFFIX = { urgent: 'Urgent', ordinary: 'Ordinary', complex: 'Complex' } as const;

/**
 * Adds a category or edits one: names, default urgency, order and the six time limits (empty =
 * the default). Ranges are the server's to check: its refusal lands on the field it names.
 */
export function CategoryModal(props: { category?: Category; existing: string[]; onDone: () => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const c = props.category;
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  const submit = async ({ code, ...body }: Values) => {
    await api.put(`/matter-categories/${encodeURIComponent(c?.code ?? code.trim())}`, { ...body, active: c?.active ?? true });
    props.onDone();
  };
  const initial: Partial<Values> = c
    ? { code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, defaultUrgency: c.defaultUrgency, sort: c.sort, ...c.overrides }
    : { defaultUrgency: 'ordinary', sort: 0 };
  const hours = (kind: 'respond' | 'resolve') => (
    <Row gutter={8}>
      {URGENCIES.map((u) => {
        const name = `${kind}Hours${SUFFIX[u]}` as HourField;
        const label = t('settings.cat.hoursFor', { what: t(`settings.cat.${kind}`), urgency: t(`matters.u.${u}`) });
        return (
          <Col key={u} xs={24} sm={8}>
            <Form.Item name={name} label={label}>
              <InputNumber
                style={{ width: '100%' }}
                precision={0}
                placeholder={t('settings.cat.defaultIs', { value: formatHours(t, DEFAULT_LIMITS[kind][u]) })}
              />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
  return (
    <FormModal
      title={c ? t('settings.cat.edit', { name: locale === 'en' ? c.nameEn : c.nameZh }) : t('settings.cat.create')}
      form={form}
      onSubmit={submit}
      onCancel={props.onCancel}
      initialValues={initial}
      width={640}
    >
      <Form.Item
        name="code"
        label={t('settings.cat.code')}
        extra={c ? undefined : t('settings.cat.codeHint')}
        rules={[
          ...required(t('settings.cat.code')),
          // PUT creates or replaces: a new category must not silently overwrite an existing one.
          {
            validator: (_, v: string | undefined) =>
              !c && v && props.existing.includes(v.trim()) ? Promise.reject(new Error(t('settings.cat.codeTaken', { code: v.trim() }))) : Promise.resolve(),
          },
        ]}
      >
        <Input disabled={!!c} maxLength={40} />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item name="nameZh" label={t('settings.cat.nameZh')} rules={required(t('settings.cat.nameZh'))}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="nameEn" label={t('settings.cat.nameEn')} rules={required(t('settings.cat.nameEn'))}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item name="defaultUrgency" label={t('settings.cat.defaultUrgency')}>
            <Select options={URGENCIES.map((u) => ({ value: u, label: t(`matters.u.${u}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="sort" label={t('settings.cat.sort')}>
            <InputNumber style={{ width: '100%' }} precision={0} />
          </Form.Item>
        </Col>
      </Row>
      {hours('respond')}
      {hours('resolve')}
    </FormModal>
  );
}

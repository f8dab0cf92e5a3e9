import { Button, DatePicker, Form, Grid, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n';
import { actionOptions } from './labels';

export interface AuditQuery {
  action?: string;
  entityType?: string;
  unitCode?: string;
  actorName?: string;
  from?: string;
  to?: string;
}

interface Values extends Omit<AuditQuery, 'from' | 'to'> {
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditFilters({ onSearch }: { onSearch: (q: AuditQuery) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  // Inline on wide screens; stacked on a phone, where the date range alone fills the width.
  const wide = !!Grid.useBreakpoint().md;
  const submit = ({ range, ...rest }: Values) => {
    const q: AuditQuery = {};
    for (const [k, v] of Object.entries(rest) as [keyof AuditQuery, string | undefined][]) if (v?.trim()) q[k] = v.trim();
    if (range?.[0]) q.from = range[0].startOf('day').toISOString();
    if (range?.[1]) q.to = range[1].endOf('day').toISOString();
    onSearch(q);
  };
  return (
    <Form form={form} layout={wide ? 'inline' : 'vertical'} onFinish={submit} style={{ marginBottom: 12, rowGap: 8 }}>
      <Form.Item name="action" label={t('audit.action')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={actionOptions(locale)} style={{ width: 220, maxWidth: '100%' }} />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Input allowClear placeholder="unit" style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="unitCode" label={t('audit.unitCode')}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="actorName" label={t('audit.actor')}>
        <Input allowClear style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker style={{ maxWidth: '100%' }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('audit.filter')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}

import { Button, Card, Popconfirm, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';
import { UnitPicker } from '../org/UnitPicker';
import { EndpointModal } from './EndpointModal';
import { OutboxTable } from './OutboxTable';
import type { Endpoint } from '@jiceng/shared/schemas/webhooks';

/** WeCom group robots per village/zone/group (片、组微信群), and for admins the messages that failed. */
export default function WebhooksPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const showError = useApiError();
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const { data, loading, reload } = useLoad(() => api.get<Endpoint[]>('/webhooks', { unitCode }), [unitCode]);
  const change = async (run: () => Promise<unknown>) => {
    try {
      await run();
      reload();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <>
      <Card
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('webhooks.title')}</h1>}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('webhooks.create')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('webhooks.hint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <UnitPicker value={unitCode} onChange={setUnitCode} allowClear />
        </Space>
        <Table<Endpoint>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('webhooks.name'), dataIndex: 'name' },
            { title: t('webhooks.unit'), dataIndex: 'unitCode' },
            { title: t('webhooks.url'), dataIndex: 'url', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
            {
              title: t('webhooks.enabled'),
              dataIndex: 'enabled',
              render: (on: boolean, e) => (
                <Switch
                  checked={on}
                  aria-label={t(on ? 'webhooks.disable' : 'webhooks.enable')}
                  onChange={(next) => change(() => api.patch(`/webhooks/${e.id}`, { enabled: next }))}
                />
              ),
            },
            {
              title: t('common.actions'),
              key: 'delete',
              render: (_: unknown, e) => (
                <Popconfirm title={t('common.confirmDelete', { name: e.name })} onConfirm={() => change(() => api.delete(`/webhooks/${e.id}`))}>
                  <Button size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      {can('outbox:read') && <OutboxTable />}
      {creating && (
        <EndpointModal
          onCancel={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            reload();
          }}
        />
      )}
    </>
  );
}

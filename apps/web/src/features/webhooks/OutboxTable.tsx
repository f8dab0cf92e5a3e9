import { App, Button, Card, Table, Tag } from 'antd';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';
import { fmt } from '../matters/format';
import type { OutboxItem } from '@jiceng/shared/schemas/webhooks';

/** Robot messages that could not be delivered (failed, retrying; dead, given up), each sendable again. */
export function OutboxTable() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const { data, loading, reload } = useLoad(() => api.get<{ items: OutboxItem[] }>('/outbox', { status: 'failed,dead', limit: 100 }), []);
  const retry = async (id: number) => {
    try {
      await api.post(`/outbox/${id}/retry`);
      message.success(t('webhooks.retried'));
      reload();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('webhooks.outbox')}</h2>} style={{ marginTop: 16 }}>
      <Table<OutboxItem>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('webhooks.createdAt'), dataIndex: 'createdAt', render: fmt },
          { title: t('webhooks.unit'), dataIndex: 'unitCode' },
          { title: t('webhooks.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'dead' ? 'red' : 'orange'}>{s}</Tag> },
          { title: t('webhooks.attempts'), dataIndex: 'attempts' },
          { title: t('webhooks.lastError'), dataIndex: 'lastError' },
          {
            title: t('common.actions'),
            key: 'retry',
            render: (_: unknown, o) => (
              <Button size="small" onClick={() => retry(o.id)}>
                {t('webhooks.retry')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

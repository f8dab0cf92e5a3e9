import { App, Button, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';
import { ApiKeyCreateModal, ApiKeySecretModal } from './ApiKeyModals';
import { formatTime } from './format';
import { RowList } from './RowList';
import type { ApiKey, CreatedApiKey } from './types';

/** API 密钥: Open311 keys in the actor's scope; create (the secret shown once) and revoke. */
export function ApiKeysSection() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const { data, loading, reload } = useLoad(() => api.get<ApiKey[]>('/api-keys'), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const revoke = async (k: ApiKey) => {
    try {
      await api.delete(`/api-keys/${k.id}`);
      message.success(t('settings.keys.revokedDone'));
      reload();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('settings.keys.hint')}</Typography.Paragraph>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
        {t('settings.keys.create')}
      </Button>
      <RowList<ApiKey>
        rows={data ?? []}
        rowKey={(k) => k.id}
        loading={loading}
        label={t('settings.keys.table')}
        empty={t('settings.keys.empty')}
        head={{ key: 'name', title: t('settings.keys.name'), render: (k) => k.name }}
        columns={[
          { key: 'unit', title: t('settings.keys.unit'), render: (k) => k.unitCode },
          { key: 'prefix', title: t('settings.keys.prefix'), render: (k) => <Typography.Text code>{k.keyPrefix}…</Typography.Text> },
          { key: 'created', title: t('settings.keys.createdAt'), render: (k) => formatTime(k.createdAt, locale, '—') },
          { key: 'used', title: t('settings.keys.lastUsedAt'), render: (k) => formatTime(k.lastUsedAt, locale, t('settings.keys.never')) },
          {
            key: 'status',
            title: t('settings.keys.status'),
            render: (k) => <Tag color={k.revokedAt ? 'default' : 'green'}>{t(k.revokedAt ? 'settings.keys.revoked' : 'settings.keys.live')}</Tag>,
          },
        ]}
        actions={{
          key: 'actions',
          title: t('common.actions'),
          render: (k) =>
            k.revokedAt ? null : (
              <Popconfirm
                title={t('settings.keys.revokeConfirm', { name: k.name })}
                okText={t('settings.keys.revoke')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => revoke(k)}
              >
                <Button size="small" autoInsertSpace={false} danger aria-label={`${t('settings.keys.revoke')} ${k.name}`}>
                  {t('settings.keys.revoke')}
                </Button>
              </Popconfirm>
            ),
        }}
      />
      {creating && (
        <ApiKeyCreateModal
          onCancel={() => setCreating(false)}
          onDone={(k) => {
            setCreating(false);
            setCreated(k);
            reload();
          }}
        />
      )}
      {created && <ApiKeySecretModal created={created} onClose={() => setCreated(null)} />}
    </>
  );
}

import { App, Button, Popconfirm, Space, type TablePaginationConfig, Tag } from 'antd';
import { DataTable } from '../../app/DataTable';
import { useState } from 'react';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { User } from '@jiceng/shared/schemas/accounts';
import { useApiError } from '../../app/useApiError';
import { UserEditModal } from './UserEditModal';

interface Props {
  users: User[];
  loading: boolean;
  onChanged: () => void;
  pagination: TablePaginationConfig;
}

export function UserTable({ users, loading, onChanged, pagination }: Props) {
  const { t, locale } = useI18n();
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const [editing, setEditing] = useState<{ user: User; mode: 'edit' | 'password' } | null>(null);
  const patch = async (u: User, body: object) => {
    try {
      await api.patch(`/users/${u.id}`, body);
      message.success(t('common.saved'));
      onChanged();
    } catch (err) {
      showError(err);
    }
  };
  const write = can('user:write');
  return (
    <>
      <DataTable<User>
        loading={loading}
        dataSource={users}
        pagination={pagination}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (r: User['role']) => t(`role.${r}` as const) },
          { title: t('users.unit'), key: 'unit', render: (_, u) => [u.unitName, u.departmentName].filter(Boolean).join(' · ') || '—' },
          { title: t('users.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          {
            title: t('users.status'),
            key: 'status',
            render: (_, u) => (
              <Space size={4}>
                <Tag color={u.status === 'active' ? 'green' : 'default'}>{u.status === 'active' ? t('users.active') : t('users.disabled')}</Tag>
                {u.locked && <Tag color="red">{t('users.locked')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (at: string | null) => (at ? new Date(at).toLocaleString(locale) : '—'),
          },
          ...(write
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, u: User) => (
                    <Space size={4} wrap>
                      <Button size="small" onClick={() => setEditing({ user: u, mode: 'edit' })}>
                        {t('common.edit')}
                      </Button>
                      {/* 停用 locks a colleague out: it asks first; 启用 does not. */}
                      {u.status === 'active' ? (
                        <Popconfirm
                          title={t('users.disableConfirm', { name: u.displayName })}
                          okText={t('users.disable')}
                          okButtonProps={{ danger: true }}
                          cancelText={t('common.cancel')}
                          onConfirm={() => patch(u, { status: 'disabled' })}
                        >
                          <Button size="small">{t('users.disable')}</Button>
                        </Popconfirm>
                      ) : (
                        <Button size="small" onClick={() => patch(u, { status: 'active' })}>
                          {t('users.enable')}
                        </Button>
                      )}
                      {u.locked && (
                        <Button size="small" onClick={() => patch(u, { unlock: true })}>
                          {t('users.unlock')}
                        </Button>
                      )}
                      {/* One's own password changes with the current one, in the account menu (the API refuses it here). */}
                      {u.id !== me?.userId && (
                        <Button size="small" onClick={() => setEditing({ user: u, mode: 'password' })}>
                          {t('users.resetPassword')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <UserEditModal
          user={editing.user}
          mode={editing.mode}
          onDone={() => {
            setEditing(null);
            message.success(t('common.saved'));
            onChanged();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}

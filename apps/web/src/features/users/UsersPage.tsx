import { Button, Card, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { ROLES, type Role } from '@jiceng/shared/roles';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { User } from '@jiceng/shared/schemas/accounts';
import { useLoad } from '../../app/useLoad';
import { UnitPicker } from '../org/UnitPicker';
import { UserCreateModal } from './UserCreateModal';
import { UserTable } from './UserTable';

const PAGE = 20;

/** Accounts in scope, filtered by unit, role and name; created and managed by those who may. */
export default function UsersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const [role, setRole] = useState<Role | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = { unitCode, role, q, offset: (page - 1) * PAGE, limit: PAGE };
  const { data, loading, reload } = useLoad(() => api.get<{ items: User[]; total: number }>('/users', query), [unitCode, role, q, page]);
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('users.title')}</h1>}
      extra={
        can('user:write') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker value={unitCode} onChange={filter(setUnitCode)} allowClear />
        <Select<Role>
          aria-label={t('users.role')}
          placeholder={t('users.allRoles')}
          allowClear
          value={role}
          onChange={filter(setRole)}
          style={{ minWidth: 160 }}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as const) }))}
        />
        <Input.Search
          aria-label={t('users.searchPlaceholder')}
          placeholder={t('users.searchPlaceholder')}
          allowClear
          onSearch={filter(setQ)}
          style={{ width: 240 }}
        />
      </Space>
      <UserTable
        users={data?.items ?? []}
        loading={loading}
        onChanged={reload}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('users.total', { n }),
        }}
      />
      {creating && (
        <UserCreateModal
          onDone={() => {
            setCreating(false);
            reload();
          }}
          onCancel={() => setCreating(false)}
        />
      )}
    </Card>
  );
}

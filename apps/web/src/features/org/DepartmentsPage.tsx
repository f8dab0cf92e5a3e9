import { App, Button, Card, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { Department } from '@jiceng/shared/schemas/org';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';
import { DepartmentModal } from './DepartmentModal';
import { UnitPicker } from './UnitPicker';

/** Departments of the districts and townships in scope: list, create, rename, delete. */
export default function DepartmentsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const { data, loading, reload } = useLoad(() => api.get<Department[]>('/departments', { unitCode }), [unitCode]);
  const remove = async (d: Department) => {
    try {
      await api.delete(`/departments/${d.id}`);
      message.success(t('common.deleted'));
      reload();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('departments.title')}</h1>}
      extra={
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('departments.create')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker value={unitCode} onChange={setUnitCode} levels={['district', 'township']} allowClear />
      </Space>
      <Table<Department>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        columns={[
          { title: t('departments.name'), dataIndex: 'name' },
          { title: t('departments.unit'), dataIndex: 'unitName' },
          { title: t('departments.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          { title: t('departments.userCount'), dataIndex: 'userCount', align: 'right' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, d) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(d)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('common.confirmDelete', { name: d.name })}
                  onConfirm={() => remove(d)}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                >
                  <Button size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <DepartmentModal
          department={editing === 'new' ? null : editing}
          onDone={() => {
            message.success(t('common.saved'));
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

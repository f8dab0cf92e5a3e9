import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { MemberModal } from './MemberModal';
import type { Household, Resident, Revealed } from '@jiceng/shared/schemas/households';

/** Members with masked ID numbers and phones; "查看完整信息" asks the (audited) reveal endpoint. */
export function MembersCard({ household: h, onChanged }: { household: Household; onChanged: (h: Household) => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const showError = useApiError();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Resident | 'new' | null>(null);
  const write = can('household:write');
  const reveal = async () => {
    setBusy(true);
    try {
      setRevealed(await api.post<Revealed>(`/households/${h.id}/reveal`, {}));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const full = (id: number) => revealed?.residents.find((r) => r.id === id);
  const remove = async (r: Resident) => {
    try {
      onChanged(await api.delete(`/households/${h.id}/residents/${r.id}`).then(() => api.get<Household>(`/households/${h.id}`)));
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Card
      size="small"
      title={t('register.members')}
      extra={
        <Space wrap>
          {h.canReveal &&
            (revealed ? (
              <Button size="small" onClick={() => setRevealed(null)}>
                {t('register.hideFull')}
              </Button>
            ) : (
              <Button size="small" loading={busy} onClick={reveal}>
                {t('register.reveal')}
              </Button>
            ))}
          {write && (
            <Button size="small" onClick={() => setEditing('new')}>
              {t('register.addMember')}
            </Button>
          )}
        </Space>
      }
    >
      {revealed && <Tag color="orange">{t('register.revealAudited')}</Tag>}
      <Table<Resident>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={h.residents}
        scroll={{ x: 'max-content' }}
        aria-label={t('register.members')}
        columns={[
          { title: t('register.memberName'), dataIndex: 'name' },
          { title: t('register.relation'), dataIndex: 'relation' },
          { title: t('register.idNumber'), key: 'id', render: (_, r) => (full(r.id) ? full(r.id)?.idNumber : r.idNumber) ?? '—' },
          { title: t('register.phone'), key: 'phone', render: (_, r) => (full(r.id) ? full(r.id)?.phone : r.phone) ?? '—' },
          revealed
            ? { title: t('register.birthDate'), key: 'birthDate', render: (_, r) => full(r.id)?.birthDate ?? '—' }
            : { title: t('register.age'), key: 'age', render: (_, r) => (r.age === null ? '—' : t('register.ageYears', { n: r.age })) },
          { title: t('register.livingStatus'), dataIndex: 'livingStatus', render: (v: string | null) => v ?? '—' },
          ...(write
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: Resident) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('common.edit')}
                      </Button>
                      {r.relation !== '户主' && (
                        <Popconfirm title={t('common.confirmDelete', { name: r.name })} onConfirm={() => remove(r)}>
                          <Button size="small" danger>
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <MemberModal
          householdId={h.id}
          resident={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            setRevealed(null);
            onChanged(saved);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

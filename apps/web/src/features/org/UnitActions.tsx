import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { Unit } from '@jiceng/shared/schemas/org';
import { useApiError } from '../../app/useApiError';
import { LeaderModal } from './LeaderModal';
import { MoveGroupModal } from './MoveGroupModal';
import { UnitNameModal } from './UnitNameModal';

type Dialog = 'create' | 'rename' | 'move' | 'leader' | null;

/** What the actor may do with this unit: villages get zones, zones get groups; zones and groups are edited. */
export function UnitActions({ unit, onChanged }: { unit: Unit; onChanged: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const editable = unit.level === 'zone' || unit.level === 'group';
  const write = can('unit:write');
  const createLabel = unit.level === 'village' ? t('org.newZone') : unit.level === 'zone' ? t('org.newGroup') : null;
  const remove = async () => {
    try {
      await api.delete(`/units/${unit.code}`);
      message.success(t('common.deleted'));
      navigate(`/org/${unit.parentCode}`, { replace: true });
    } catch (err) {
      showError(err);
    }
  };
  const close = () => setDialog(null);
  return (
    <Space wrap size="small">
      {write && createLabel && (
        <Button type="primary" onClick={() => setDialog('create')}>
          {createLabel}
        </Button>
      )}
      {write && editable && <Button onClick={() => setDialog('rename')}>{t('common.rename')}</Button>}
      {write && unit.level === 'group' && <Button onClick={() => setDialog('move')}>{t('org.move')}</Button>}
      {can('unit:appoint') && editable && (
        <Button onClick={() => setDialog('leader')}>{unit.level === 'zone' ? t('org.appointZone') : t('org.appointGroup')}</Button>
      )}
      {write && editable && (
        <Popconfirm title={t('common.confirmDelete', { name: unit.name })} onConfirm={remove} okText={t('common.delete')} cancelText={t('common.cancel')}>
          <Button danger>{t('common.delete')}</Button>
        </Popconfirm>
      )}
      {dialog === 'create' && createLabel && (
        <UnitNameModal
          title={createLabel}
          save={(name) => api.post<Unit>('/units', { parentCode: unit.code, name })}
          onDone={(created) => {
            message.success(t('org.created', { name: created.name }));
            close();
            onChanged();
          }}
          onCancel={close}
        />
      )}
      {dialog === 'rename' && (
        <UnitNameModal
          title={t('common.rename')}
          initial={unit.name}
          save={(name) => api.patch<Unit>(`/units/${unit.code}`, { name })}
          onDone={() => {
            message.success(t('common.saved'));
            close();
            onChanged();
          }}
          onCancel={close}
        />
      )}
      {dialog === 'move' && (
        <MoveGroupModal
          group={unit}
          onDone={(moved) => {
            close();
            navigate(`/org/${moved.code}`, { replace: true });
          }}
          onCancel={close}
        />
      )}
      {dialog === 'leader' && (
        <LeaderModal
          unit={unit}
          onDone={() => {
            close();
            onChanged();
          }}
          onCancel={close}
        />
      )}
    </Space>
  );
}

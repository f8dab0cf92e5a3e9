import { Alert, Button, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { LEADER_ROLE } from '@jiceng/shared/levels';
import { CODE_LENGTH } from '@jiceng/shared/units';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { User } from '@jiceng/shared/schemas/accounts';
import type { Unit } from '@jiceng/shared/schemas/org';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';

/** Appoints or replaces the leader of a zone or group from the village's accounts, or vacates the post. */
export function LeaderModal({ unit, onDone, onCancel }: { unit: Unit; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const showError = useApiError();
  const [form] = Form.useForm<{ userId: number }>();
  const [busy, setBusy] = useState(false);
  const role = LEADER_ROLE[unit.level === 'zone' ? 'zone' : 'group'];
  const village = unit.code.slice(0, CODE_LENGTH.village);
  const { data } = useLoad(() => api.get<{ items: User[] }>('/users', { unitCode: village, role, limit: 200 }), [village, role]);
  const candidates = (data?.items ?? []).filter((u) => u.status === 'active');
  const save = async (userId: number | null) => {
    setBusy(true);
    try {
      await api.put<Unit>(`/units/${unit.code}/leader`, { userId });
      onDone();
    } catch (err) {
      showError(err, form);
      setBusy(false);
    }
  };
  const title = unit.level === 'zone' ? t('org.appointZone') : t('org.appointGroup');
  return (
    <Modal
      open
      title={title}
      onCancel={onCancel}
      footer={[
        unit.leader && (
          <Button key="vacate" danger onClick={() => save(null)} disabled={busy}>
            {t('org.vacate')}
          </Button>
        ),
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>,
      ]}
    >
      {data && !candidates.length && <Alert type="info" title={t('org.noCandidates')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save(v.userId)} initialValues={{ userId: unit.leader?.userId }}>
        <Form.Item name="userId" label={t('org.pickLeader')} rules={[{ required: true, message: t('auth.required', { field: t('org.pickLeader') }) }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={!data}
            options={candidates.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}${u.unitName ? ' · ' + u.unitName : ''}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

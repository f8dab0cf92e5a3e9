import { levelOfCode } from '@jiceng/shared/units';
import { App, Button, Descriptions, Flex, Form, InputNumber, Popconfirm, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';
import type { Cadence, CadenceOut } from './types';
import { ownUnitIf, UnitChoice } from './UnitChoice';
import { useUnitName } from './useUnitName';

const LEVELS = ['township', 'village'] as const;
const DAY_FIELDS = ['redDays', 'yellowDays', 'blueDays'] as const;

/** 走访频次: one township's or village's cadence, what is in force and where it comes from. */
export function CadenceSection() {
  const { t } = useI18n();
  const me = useMe();
  const [unitCode, setUnitCode] = useState(ownUnitIf(me.unitCode, [...LEVELS]));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('settings.cadence.hint')}</Typography.Paragraph>
      <UnitChoice id="settings-cadence-unit" label={t('settings.cadence.unit')} levels={[...LEVELS]} value={unitCode} onChange={setUnitCode} />
      {unitCode && <CadenceForm key={unitCode} unitCode={unitCode} />}
    </>
  );
}

function CadenceForm({ unitCode }: { unitCode: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Cadence>();
  const [busy, setBusy] = useState(false);
  const name = useUnitName(unitCode);
  const { data, setData } = useLoad(() => api.get<CadenceOut>(`/visits/cadence/${unitCode}`), [unitCode]);
  const village = levelOfCode(unitCode) === 'village';
  const run = async (call: () => Promise<CadenceOut>) => {
    setBusy(true);
    try {
      const next = await call();
      setData(next);
      form.setFieldsValue(next.own ?? next.effective);
      message.success(t('common.saved'));
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };
  if (!data) return null;
  const source = !village && data.source === 'township' ? t('settings.cadence.townshipSource') : t(`settings.cadence.source.${data.source}`);
  return (
    <>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[{ key: 'source', label: t('settings.cadence.source'), children: source }]} />
      <Form<Cadence>
        form={form}
        layout="vertical"
        style={{ maxWidth: 480 }}
        initialValues={data.own ?? data.effective}
        onFinish={(v) => run(() => api.put<CadenceOut>(`/visits/cadence/${unitCode}`, v))}
      >
        {DAY_FIELDS.map((f) => (
          <Form.Item key={f} name={f} label={t(`settings.cadence.${f}`)}>
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item name="redHomeOnly" label={t('settings.cadence.redHomeOnly')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="escalateDays" label={t('settings.cadence.escalateDays')}>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
          {data.own && (
            <Popconfirm
              title={t('settings.cadence.resetConfirm', {
                name: name ?? unitCode,
                fallback: t(village ? 'settings.cadence.fallbackVillage' : 'settings.cadence.fallbackTownship'),
              })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                run(async () => {
                  await api.delete(`/visits/cadence/${unitCode}`);
                  return api.get<CadenceOut>(`/visits/cadence/${unitCode}`);
                })
              }
            >
              <Button danger disabled={busy}>
                {t('settings.cadence.reset')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Form>
    </>
  );
}

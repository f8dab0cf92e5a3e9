import { App, Button, Descriptions, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';
import type { Hotline } from './types';
import { ownUnitIf, UnitChoice } from './UnitChoice';
import { useUnitName } from './useUnitName';

/** 便民热线: the number a village prints on its contact cards; set it or clear it. */
export function HotlineSection() {
  const { t } = useI18n();
  const me = useMe();
  const [unitCode, setUnitCode] = useState(ownUnitIf(me.unitCode, ['village']));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('settings.hotline.hint')}</Typography.Paragraph>
      <UnitChoice id="settings-hotline-unit" label={t('settings.hotline.unit')} levels={['village']} value={unitCode} onChange={setUnitCode} />
      {unitCode && <HotlineForm key={unitCode} unitCode={unitCode} />}
    </>
  );
}

function HotlineForm({ unitCode }: { unitCode: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ hotline: string }>();
  const [busy, setBusy] = useState(false);
  const name = useUnitName(unitCode);
  const { data, setData } = useLoad(() => api.get<Hotline>('/cards/hotline', { unitCode }), [unitCode]);
  const save = async (hotline: string | null) => {
    setBusy(true);
    try {
      const next = await api.put<Hotline>('/cards/hotline', { unitCode, hotline });
      setData(next);
      form.setFieldsValue({ hotline: next.hotline ?? '' });
      message.success(t(hotline === null ? 'settings.hotline.cleared' : 'common.saved'));
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };
  if (!data) return null;
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[{ key: 'current', label: t('settings.hotline.current'), children: data.hotline ?? t('settings.hotline.none') }]}
      />
      <Form form={form} layout="vertical" style={{ maxWidth: 480 }} initialValues={{ hotline: data.hotline ?? '' }} onFinish={(v) => save(v.hotline)}>
        <Form.Item
          name="hotline"
          label={t('settings.hotline.number')}
          rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('settings.hotline.number') }) }]}
        >
          <Input placeholder={t('settings.hotline.placeholder')} inputMode="tel" />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
          {data.hotline && (
            <Popconfirm
              title={t('settings.hotline.clearConfirm', { name: name ?? unitCode })}
              okText={t('settings.hotline.clear')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => save(null)}
            >
              <Button danger disabled={busy}>
                {t('settings.hotline.clear')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Form>
    </>
  );
}

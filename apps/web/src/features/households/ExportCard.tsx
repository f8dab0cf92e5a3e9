import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { UnitPicker } from '../org/UnitPicker';
import { download } from './download';

/** A unit's register as xlsx (masked; the server audits the export). */
export function ExportCard() {
  const { t, locale } = useI18n();
  const me = useMe();
  const showError = useApiError();
  const [unitCode, setUnitCode] = useState<string | undefined>(me.unitCode ?? undefined);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!unitCode) return;
    setBusy(true);
    try {
      await download(`/households/export?unitCode=${unitCode}`, 'register.xlsx', locale);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('import.exportTitle')}>
      <Space wrap>
        <UnitPicker value={unitCode} onChange={setUnitCode} />
        <Button onClick={run} loading={busy} disabled={!unitCode}>
          {t('import.export')}
        </Button>
      </Space>
    </Card>
  );
}

import { Alert, Button, Card, Checkbox, Descriptions, Flex, Progress, Result, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { UnitPicker } from '../org/UnitPicker';
import { download } from './download';
import { ExportCard } from './ExportCard';
import { ImportIssues } from './ImportIssues';
import { ImportUpdates } from './ImportUpdates';
import type { ImportResult } from '@jiceng/shared/schemas/households';
import { uploadRegister } from './upload';

/**
 * The import wizard: template → upload and check (nothing written) → fix and upload again until
 * clean → import, all or nothing, with the counts.
 */
export default function ImportPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const showError = useApiError();
  const [unitCode, setUnitCode] = useState<string | undefined>(me.unitCode ?? undefined);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [update, setUpdate] = useState(false);
  const send = async (f: File, dryRun: boolean) => {
    if (!unitCode) return setFailure(t('auth.required', { field: t('import.unit') }));
    setFailure(null);
    setProgress(0);
    try {
      const result = await uploadRegister(f, { unitCode, dryRun, update, locale }, setProgress);
      if (dryRun) setChecked(result);
      else if (result.ok) setDone(result);
      else setChecked(result);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setProgress(null);
    }
  };
  const choose = (f: File) => {
    setFile(f);
    setChecked(null);
    setDone(null);
    void send(f, true);
    return false;
  };
  const step = done ? 2 : checked?.ok ? 1 : 0;
  return (
    <Flex vertical gap={16}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('import.title')}</h1>} extra={<Link to="/households">{t('register.title')}</Link>}>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 16 }}
          items={[{ title: t('import.stepCheck') }, { title: t('import.stepImport') }, { title: t('import.stepDone') }]}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <label htmlFor="import-unit">{t('import.unit')}</label>
          <UnitPicker
            id="import-unit"
            value={unitCode}
            levels={['village', 'group']}
            onChange={(v) => {
              setUnitCode(v);
              setChecked(null);
              setDone(null);
            }}
          />
          <Button onClick={() => download('/households/import/template', '民情台账导入模板.xlsx', locale).catch(showError)}>{t('import.template')}</Button>
        </Space>
        <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
        <Checkbox
          checked={update}
          disabled={progress !== null}
          onChange={(e) => {
            setUpdate(e.target.checked);
            setChecked(null);
            setDone(null);
          }}
          style={{ display: 'flex', marginBottom: 12 }}
        >
          {t('import.updateMode')}
        </Checkbox>
        {!done && (
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={choose} disabled={progress !== null}>
            <Button type={checked?.ok ? 'default' : 'primary'} disabled={progress !== null}>
              {checked ? t('import.reupload') : t('import.upload')}
            </Button>
          </Upload>
        )}
        {file && <Typography.Text style={{ marginInlineStart: 8 }}>{file.name}</Typography.Text>}
        {progress !== null && <Progress percent={progress} status="active" aria-label={t('import.uploading')} />}
        {progress === 100 && <Typography.Text type="secondary">{t('import.processing')}</Typography.Text>}
        {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} />}
      </Card>
      {checked && !done && <CheckResult result={checked} busy={progress !== null} onImport={() => file && send(file, false)} />}
      {done && (
        <Result
          status="success"
          title={t('import.done', { households: done.households, residents: done.residents })}
          subTitle={t('import.byTier', done.byTier)}
          extra={[
            <Link key="list" to={`/households?unitCode=${unitCode}`}>
              {t('import.seeRegister')}
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setDone(null);
                setChecked(null);
                setFile(null);
              }}
            >
              {t('import.another')}
            </Button>,
          ]}
        />
      )}
      <ExportCard />
    </Flex>
  );
}

function CheckResult({ result, busy, onImport }: { result: ImportResult; busy: boolean; onImport: () => void }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('import.checkTitle')}>
      {result.ok ? (
        <Alert type="success" showIcon title={t('import.checkOk', { households: result.households, residents: result.residents })} />
      ) : (
        <Alert type="error" showIcon title={t('import.checkErrors', { n: result.errorCount })} description={t('import.fixHint')} />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('tier.red')}>{result.byTier.red}</Descriptions.Item>
        <Descriptions.Item label={t('tier.yellow')}>{result.byTier.yellow}</Descriptions.Item>
        <Descriptions.Item label={t('tier.blue')}>{result.byTier.blue}</Descriptions.Item>
      </Descriptions>
      {result.unknownColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('import.unknownColumns', { columns: result.unknownColumns.map((c) => `“${c}”`).join('、') })}
        />
      )}
      {result.errors.length > 0 && <ImportIssues issues={result.errors} caption={t('import.errors')} />}
      {result.updates.length > 0 && (
        <>
          <Typography.Title level={5}>{t('import.updates', { n: result.updated })}</Typography.Title>
          <ImportUpdates updates={result.updates} caption={t('import.updatesCaption')} />
        </>
      )}
      {result.warnings.length > 0 && (
        <>
          <Typography.Title level={5}>{t('import.warnings')}</Typography.Title>
          <ImportIssues issues={result.warnings} caption={t('import.warnings')} />
        </>
      )}
      {result.ok && (
        <Button type="primary" loading={busy} onClick={onImport} style={{ marginTop: 12 }}>
          {result.updated > 0 ? t('import.confirmUpdate', { n: result.households, u: result.updated }) : t('import.confirm', { n: result.households })}
        </Button>
      )}
    </Card>
  );
}

import { Button, Card, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { UnitSummary } from '@jiceng/shared/schemas/org';
import { useApiError } from '../../app/useApiError';
import { UnitTable } from './UnitTable';

/** Search units in scope by name or code; results link to each unit. */
export function UnitSearch() {
  const { t } = useI18n();
  const showError = useApiError();
  const [results, setResults] = useState<UnitSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const search = async (q: string) => {
    if (!q.trim()) return setResults(null);
    setBusy(true);
    try {
      setResults(await api.get<UnitSummary[]>('/units', { q: q.trim(), limit: 50 }));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Input.Search
        aria-label={t('org.searchPlaceholder')}
        placeholder={t('org.searchPlaceholder')}
        enterButton={t('common.search')}
        allowClear
        loading={busy}
        onSearch={search}
        style={{ maxWidth: 480 }}
      />
      {results && (
        <Card
          size="small"
          title={t('org.searchResults')}
          style={{ marginTop: 8 }}
          extra={
            <Button size="small" type="text" aria-label={t('common.close')} onClick={() => setResults(null)}>
              ×
            </Button>
          }
        >
          {results.length ? <UnitTable units={results} caption={t('org.searchResults')} /> : t('org.noResults')}
        </Card>
      )}
    </div>
  );
}

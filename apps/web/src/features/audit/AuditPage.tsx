import { Button, Card, Typography } from 'antd';
import { DataTable } from '../../app/DataTable';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { AuditEvent } from '../../app/types';
import { useApiError } from '../../app/useApiError';
import { AuditFilters, type AuditQuery } from './AuditFilters';
import { AuditJson } from './AuditJson';
import { actionLabel, entityLabel } from './labels';

const PAGE = 50;

/** The audit log, newest first; "load more" pages back with the keyset cursor `before`. */
export default function AuditPage() {
  const { t, locale } = useI18n();
  const showError = useApiError();
  const [query, setQuery] = useState<AuditQuery>({});
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(
    async (q: AuditQuery, before?: number) => {
      setLoading(true);
      try {
        const page = await api.get<{ items: AuditEvent[]; nextBefore: number | null }>('/audit', { ...q, before, limit: PAGE });
        setItems((prev) => (before ? [...prev, ...page.items] : page.items));
        setNext(page.nextBefore);
      } catch (err) {
        showError(err);
      } finally {
        setLoading(false);
      }
    },
    [showError],
  );
  useEffect(() => {
    load(query);
  }, [load, query]);
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('audit.title')}</h1>}>
      <AuditFilters onSearch={setQuery} />
      <DataTable<AuditEvent>
        loading={loading}
        dataSource={items}
        expandable={{ expandedRowRender: (e) => <AuditJson before={e.before} after={e.after} ip={e.ip} requestId={e.requestId} /> }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString(locale) },
          { title: t('audit.actor'), dataIndex: 'actorName', render: (n: string | null) => n ?? '—' },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (code: string) => <span title={code}>{actionLabel(code, locale, t)}</span>,
          },
          { title: t('audit.entityType'), dataIndex: 'entityType', render: (type: string) => <span title={type}>{entityLabel(type, locale)}</span> },
          { title: t('audit.entityId'), dataIndex: 'entityId', render: (id: string | null) => id ?? '—' },
          { title: t('audit.unitCode'), dataIndex: 'unitCode', render: (c: string | null) => c ?? '—' },
        ]}
      />
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        {next ? (
          <Button onClick={() => load(query, next)} loading={loading}>
            {t('common.more')}
          </Button>
        ) : (
          items.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </div>
    </Card>
  );
}

import { Card, Empty, Typography } from 'antd';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useLoad } from '../../app/useLoad';
import type { Visit } from '@jiceng/shared/schemas/visits';

/** A household's visits, newest first. */
export function VisitHistory({ householdId }: { householdId: number }) {
  const { t, locale } = useI18n();
  const { data, error } = useLoad(() => api.get<{ items: Visit[] }>('/visits', { householdId, limit: 50 }), [householdId]);
  return (
    <Card size="small" title={t('visits.history')} loading={!data && !error}>
      {error ? <Typography.Text type="danger">{(error as Error).message}</Typography.Text> : null}
      {data && !data.items.length && <Empty description={t('visits.none')} />}
      {data?.items.map((v) => (
        <div key={v.id} style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0' }}>
          <Typography.Text strong>
            {new Date(v.visitedAt).toLocaleString(locale)} · {t(`visits.kind.${v.kind}` as const)}
          </Typography.Text>
          {v.representativeName && <Typography.Text type="secondary"> · {v.representativeName}</Typography.Text>}
          {v.findings && (
            <div>
              {t('visits.findings')}：{v.findings}
            </div>
          )}
          {v.needs && (
            <div>
              {t('visits.needs')}：{v.needs}
            </div>
          )}
          {v.risks && (
            <div style={{ color: '#cf1322' }}>
              {t('visits.risks')}：{v.risks}
            </div>
          )}
          {v.photos.map((p) => (
            <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
              <img src={p.url} alt={t('visits.photo')} style={{ maxWidth: 96, maxHeight: 96, marginInlineEnd: 4 }} />
            </a>
          ))}
        </div>
      ))}
    </Card>
  );
}

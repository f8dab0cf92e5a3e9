import { App, Button, Card, List, Popconfirm, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';
import { StateTag } from './StateTag';
import type { MatterActionBody, MatterDetail } from '@jiceng/shared/schemas/matters';
import type { SimilarMatter } from '@jiceng/shared/schemas/similar';

/** At triage: open matters of the same village that may be the same problem, each with "merge into". */
export function SimilarPanel({ matter: m, canMerge, onMerged }: { matter: MatterDetail; canMerge: boolean; onMerged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const { data, loading } = useLoad(
    () => api.post<SimilarMatter[]>('/matters/similar', { unitCode: m.unitCode, text: m.description }).then((r) => r.filter((s) => s.id !== m.id)),
    [m.id],
  );
  const merge = async (target: SimilarMatter) => {
    try {
      const body: MatterActionBody = { action: 'merge', version: m.version, targetId: target.id };
      await api.post(`/matters/${m.id}/actions`, body);
      message.success(t('matters.done', { action: t('matters.action.merge') }));
      onMerged();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Card size="small" title={t('matters.similar')} loading={loading}>
      <List
        dataSource={data ?? []}
        locale={{ emptyText: t('matters.similarNone') }}
        renderItem={(s) => (
          <List.Item
            actions={
              canMerge
                ? [
                    <Popconfirm key="merge" title={t('matters.mergeConfirm', { code: s.trackingCode })} onConfirm={() => merge(s)}>
                      <Button size="small">{t('matters.mergeInto')}</Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <>
                  <Link to={`/matters/${s.id}`}>{s.trackingCode}</Link> <StateTag state={s.state} /> {s.categoryName}
                </>
              }
              description={
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {s.description} · {t('matters.score')} {Math.round(s.score * 100)}%
                </Typography.Paragraph>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

import { Card, Typography } from 'antd';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useLoad } from '../../app/useLoad';
import type { Linkage } from '@jiceng/shared/schemas/linkage';

/** The household's representative (户户有人联), or a plain "not linked yet". */
export function LinkageCard({ householdId }: { householdId: number }) {
  const { t, locale } = useI18n();
  const { data, error } = useLoad(() => api.get<Linkage>(`/linkage/${householdId}`), [householdId]);
  const rep = data?.representative;
  return (
    <Card size="small" title={t('register.representative')} loading={!data && !error}>
      {error ? (
        <Typography.Text type="danger">{(error as Error).message}</Typography.Text>
      ) : rep ? (
        <Typography.Text>
          {rep.displayName}
          {rep.phone ? ` · ${rep.phone}` : ''}
          {data?.linkedAt ? ` · ${t('register.linkedSince', { at: new Date(data.linkedAt).toLocaleDateString(locale) })}` : ''}
        </Typography.Text>
      ) : (
        <Typography.Text type="warning">{t('register.unlinked')}</Typography.Text>
      )}
    </Card>
  );
}

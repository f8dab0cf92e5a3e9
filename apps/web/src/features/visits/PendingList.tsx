import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { removeQueued, retryQueued, syncQueue } from './queue';
import { useQueue } from './useQueue';

/** Visits saved on this phone and not yet on the server ("待同步"), and any the server refused. */
export function PendingList() {
  const { t, locale } = useI18n();
  const queue = useQueue();
  if (!queue.length) return null;
  return (
    <Card
      size="small"
      title={t('visits.pendingTitle', { n: queue.length })}
      extra={
        <Button size="small" onClick={() => syncQueue()}>
          {t('visits.syncNow')}
        </Button>
      }
      aria-label={t('visits.pendingTitle', { n: queue.length })}
    >
      {queue.map((v) => (
        <Flex key={v.clientKey} justify="space-between" align="center" gap={8} wrap style={{ padding: '4px 0' }}>
          <span>
            <Typography.Text strong>{v.headName}</Typography.Text> · {t(`visits.kind.${v.kind}` as const)} · {new Date(v.visitedAt).toLocaleTimeString(locale)}
          </span>
          {v.error ? (
            <Flex gap={4} wrap>
              <Typography.Text type="danger">{v.error}</Typography.Text>
              <Button size="small" onClick={() => retryQueued(v)}>
                {t('visits.retry')}
              </Button>
              <Button size="small" danger onClick={() => removeQueued(v.clientKey)}>
                {t('common.delete')}
              </Button>
            </Flex>
          ) : (
            <Tag color="orange">{t('visits.pending')}</Tag>
          )}
        </Flex>
      ))}
    </Card>
  );
}

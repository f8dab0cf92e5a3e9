import { Button, Card, Empty, Flex, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';

interface Notification {
  id: number;
  kind: string;
  title: string;
  titleEn: string | null;
  body: string | null;
  bodyEn: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The inbox: newest first, unread marked; opening one marks it read and follows its link. */
export default function InboxPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const showError = useApiError();
  const [unread, setUnread] = useState<'all' | 'unread'>('all');
  const { data, reload } = useLoad(
    () => api.get<{ items: Notification[] }>('/notifications', { unread: unread === 'unread' ? 'true' : undefined, limit: 100 }),
    [unread],
  );
  const mark = async (body: { ids?: number[]; all?: boolean }) => {
    try {
      await api.post('/notifications/read', body);
      reload();
    } catch (err) {
      showError(err);
    }
  };
  const open = async (n: Notification) => {
    if (!n.readAt) await mark({ ids: [n.id] });
    if (n.link) navigate(n.link);
  };
  const en = locale === 'en';
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('notifications.title')}</h1>}
      extra={
        <Button size="small" onClick={() => mark({ all: true })}>
          {t('notifications.readAll')}
        </Button>
      }
    >
      <Segmented
        value={unread}
        onChange={setUnread}
        options={[
          { value: 'all', label: t('notifications.all') },
          { value: 'unread', label: t('notifications.unread') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {data && !data.items.length && <Empty description={t('notifications.empty')} />}
      {data?.items.map((n) => (
        <Flex key={n.id} justify="space-between" align="start" gap={8} style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0' }}>
          <div style={{ minWidth: 0 }}>
            <Flex gap={6} align="center" wrap>
              {!n.readAt && <Tag color="red">{t('notifications.new')}</Tag>}
              <Button
                type="link"
                onClick={() => open(n)}
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', fontWeight: n.readAt ? 400 : 600 }}
              >
                {(en && n.titleEn) || n.title}
              </Button>
            </Flex>
            {n.body && <Typography.Paragraph style={{ margin: 0 }}>{(en && n.bodyEn) || n.body}</Typography.Paragraph>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {new Date(n.createdAt).toLocaleString(locale)}
            </Typography.Text>
          </div>
          {!n.readAt && (
            <Button size="small" onClick={() => mark({ ids: [n.id] })}>
              {t('notifications.markRead')}
            </Button>
          )}
        </Flex>
      ))}
    </Card>
  );
}

import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import type { MatterDetail, RevealedContacts as Contacts } from '@jiceng/shared/schemas/matters';

/**
 * The reporter as the server shows them (phone masked); "查看完整号码" asks the audited reveal
 * endpoint, which also gives the texts as written when phones or ID numbers in them were masked.
 */
export function ReporterContacts({ m }: { m: MatterDetail }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const showError = useApiError();
  const [shown, setShown] = useState<Contacts | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = t(`matters.reporterKind.${m.reporter.kind}`);
  const reveal = async () => {
    setBusy(true);
    try {
      setShown(await api.post<Contacts>(`/matters/${m.id}/reveal-contacts`, {}));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const original = shown && m.textsMasked && (
    <Typography.Paragraph style={{ width: '100%', margin: 0 }}>
      <Typography.Text type="secondary">{t('matters.originalTexts')}：</Typography.Text>
      {[shown.texts.description, shown.texts.resolution, shown.texts.feedbackMessage, ...shown.texts.events.flatMap((e) => [e.note, e.publicNote])]
        .filter(Boolean)
        .join(' ／ ')}
    </Typography.Paragraph>
  );
  const revealButton = !shown && can('pii:reveal') && (m.reporter.phone || m.followerPhones > 0 || m.textsMasked) && (
    <Button size="small" loading={busy} onClick={reveal}>
      {t('matters.revealContacts')}
    </Button>
  );
  if (!m.reporter.name && !m.reporter.phone)
    return (
      <Space wrap size={4}>
        <span>{m.reporter.hidden ? `${kind} · ${t('matters.reporterHidden')}` : kind}</span>
        {revealButton}
        {shown && <Tag color="orange">{t('register.revealAudited')}</Tag>}
        {original}
      </Space>
    );
  const phone = shown ? shown.reporter.phone : m.reporter.phone;
  return (
    <Space wrap size={4}>
      <span>{[kind, m.reporter.name, phone].filter(Boolean).join(' · ')}</span>
      {shown?.followers.map((f) => (
        <Tag key={f.phone}>{`${t('matters.follower')} ${[f.name, f.phone].filter(Boolean).join(' ')}`}</Tag>
      ))}
      {shown && <Tag color="orange">{t('register.revealAudited')}</Tag>}
      {revealButton}
      {original}
    </Space>
  );
}

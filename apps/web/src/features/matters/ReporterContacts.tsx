import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import type { MatterDetail } from './types';

interface Contacts {
  reporter: { name: string | null; phone: string | null };
  followers: { name: string | null; phone: string; kind: string }[];
}

/** The reporter as the server shows them (phone masked); "查看完整号码" asks the audited reveal endpoint. */
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
  if (!m.reporter.name && !m.reporter.phone) return <>{m.reporter.hidden ? `${kind} · ${t('matters.reporterHidden')}` : kind}</>;
  const phone = shown ? shown.reporter.phone : m.reporter.phone;
  return (
    <Space wrap size={4}>
      <span>{[kind, m.reporter.name, phone].filter(Boolean).join(' · ')}</span>
      {shown?.followers.map((f) => (
        <Tag key={f.phone}>{`${t('matters.follower')} ${[f.name, f.phone].filter(Boolean).join(' ')}`}</Tag>
      ))}
      {shown && <Tag color="orange">{t('register.revealAudited')}</Tag>}
      {!shown && can('pii:reveal') && (m.reporter.phone || m.followerPhones > 0) && (
        <Button size="small" loading={busy} onClick={reveal}>
          {t('matters.revealContacts')}
        </Button>
      )}
    </Space>
  );
}

import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ApiKeysSection } from './ApiKeysSection';
import { CadenceSection } from './CadenceSection';
import { CategoriesSection } from './CategoriesSection';
import { HotlineSection } from './HotlineSection';
import { SECTIONS, type SectionKey } from './sections';

const BODY: Record<SectionKey, () => ReactNode> = {
  categories: () => <CategoriesSection />,
  cadence: () => <CadenceSection />,
  hotline: () => <HotlineSection />,
  'api-keys': () => <ApiKeysSection />,
};

/**
 * 设置: the sections the actor's role may change, each at its own address (/settings/<section>).
 * The section links (real links, styled as buttons) wrap instead of tabs, so four of them fit a 360 px phone in either language.
 */
export default function SettingsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { section } = useParams();
  const mine = SECTIONS.filter((s) => can(s.permission));
  const current = mine.find((s) => s.key === section);
  if (!current) return mine[0] ? <Navigate to={`/settings/${mine[0].key}`} replace /> : null;
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('settings.title')}</h1>}>
      <nav aria-label={t('settings.sections')}>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          {mine.map((s) => (
            <Button
              key={s.key}
              type={s.key === current.key ? 'primary' : 'default'}
              aria-current={s.key === current.key ? 'page' : undefined}
              href={`/settings/${s.key}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/settings/${s.key}`);
              }}
            >
              {t(s.label)}
            </Button>
          ))}
        </Flex>
      </nav>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
        {t(current.label)}
      </Typography.Title>
      {BODY[current.key]()}
    </Card>
  );
}

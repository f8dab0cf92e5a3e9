import { Button, Drawer, Grid, Layout, Result, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ChangePasswordModal } from '../../features/auth/ChangePasswordModal';
import { Bell } from '../../features/notifications/Bell';
import { VisitSync } from '../../features/visits/useQueue';
import { useAuth, useMe } from '../auth';
import { useI18n } from '../i18n';
import { Loading } from '../Loading';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { SETTINGS_NAV_PERMISSION } from '../../features/settings/sections';
import { NAV } from './nav';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';
import { useScrollableTables } from './useScrollableTables';
import './staff.css';

const OrgPage = lazy(() => import('../../features/org/OrgPage'));
const UsersPage = lazy(() => import('../../features/users/UsersPage'));
const DepartmentsPage = lazy(() => import('../../features/org/DepartmentsPage'));
const AuditPage = lazy(() => import('../../features/audit/AuditPage'));
const MyVisitsPage = lazy(() => import('../../features/visits/MyVisitsPage'));
const RecordVisitPage = lazy(() => import('../../features/visits/RecordVisitPage'));
const RegisterPage = lazy(() => import('../../features/households/RegisterPage'));
const HouseholdPage = lazy(() => import('../../features/households/HouseholdPage'));
const ImportPage = lazy(() => import('../../features/households/ImportPage'));
const LinkagePage = lazy(() => import('../../features/linkage/LinkagePage'));
const DashboardPage = lazy(() => import('../../features/dashboard/DashboardPage'));
const InboxPage = lazy(() => import('../../features/notifications/InboxPage'));
const MattersPage = lazy(() => import('../../features/matters/MattersPage'));
const MatterDetailPage = lazy(() => import('../../features/matters/MatterDetailPage'));
const WebhooksPage = lazy(() => import('../../features/webhooks/WebhooksPage'));
const MetricsPage = lazy(() => import('../../features/metrics/MetricsPage'));
const OverduePage = lazy(() => import('../../features/visits/OverduePage'));
const SettingsPage = lazy(() => import('../../features/settings/SettingsPage'));

/** The logged-in layout: a side menu on wide screens, a drawer behind a button on phones. */
export default function Shell() {
  const screens = Grid.useBreakpoint();
  const wide = !!screens.md;
  const { t } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const [drawer, setDrawer] = useState(false);
  useScrollableTables();
  useEffect(() => {
    document.documentElement.style.setProperty('--jiceng-scroll-cue', JSON.stringify(`${t('table.scrollCue')} →`));
  }, [t]);
  const [changing, setChanging] = useState(false);
  const changePassword = () => {
    setDrawer(false);
    setChanging(true);
  };
  // Until the initial (or reset) password is changed the server refuses everything else
  // (PASSWORD_CHANGE_REQUIRED), so nothing that would call it is mounted; afterwards it all mounts afresh.
  const locked = me.mustChangePassword;
  const home = (NAV.find((n) => n.landing?.includes(me.role) && can(n.permission)) ?? NAV.find((n) => can(n.permission)))?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: '#fff', padding: wide ? '0 24px' : '0 8px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #f0f0f0' }}
      >
        {!wide && (
          <Button aria-label={t('app.menu')} onClick={() => setDrawer(true)}>
            ☰
          </Button>
        )}
        <Typography.Title level={wide ? 4 : 5} style={{ margin: 0, whiteSpace: 'nowrap', flex: wide ? undefined : 1 }} ellipsis>
          {t('app.title')}
        </Typography.Title>
        <div style={{ flex: 1, display: wide ? 'block' : 'none' }} />
        {!locked && <Bell />}
        {wide && <LanguageSwitch />}
        {wide && <UserMenu compact={false} onChangePassword={changePassword} />}
      </Layout.Header>
      <DemoBanner />
      {!locked && can('visit:write') && <VisitSync />}
      {/* Here, not in the (lazily rendered) drawer, so a forced change shows on phones too. */}
      <ChangePasswordModal open={changing || me.mustChangePassword} forced={me.mustChangePassword} onClose={() => setChanging(false)} />
      <Layout>
        {wide && !locked && (
          <Layout.Sider theme="light" width={200}>
            <NavMenu />
          </Layout.Sider>
        )}
        <Drawer open={!wide && drawer} onClose={() => setDrawer(false)} placement="left" size={280} title={me.displayName}>
          <Typography.Paragraph type="secondary">
            {[me.unitName ?? me.departmentName, t(`role.${me.role}` as const)].filter(Boolean).join(' · ')}
          </Typography.Paragraph>
          {!locked && <NavMenu onNavigate={() => setDrawer(false)} />}
          <div style={{ marginTop: 16, display: 'flex', flexDirection: 'column', gap: 12 }}>
            <LanguageSwitch />
            <UserMenu compact onChangePassword={changePassword} />
          </div>
        </Drawer>
        <Layout.Content style={{ padding: wide ? 24 : 8, minWidth: 0 }}>
          <Suspense fallback={<Loading />}>
            {!locked && (
              <Routes>
                <Route path="/" element={home ? <Navigate to={home} replace /> : <Result status="info" title={t('app.noAccess')} />} />
                {can('unit:read') && <Route path="/org/:code?" element={<OrgPage />} />}
                {can('user:read') && <Route path="/users" element={<UsersPage />} />}
                {can('department:write') && <Route path="/departments" element={<DepartmentsPage />} />}
                {can('audit:read') && <Route path="/audit" element={<AuditPage />} />}
                {can('visit:write') && <Route path="/my-visits" element={<MyVisitsPage />} />}
                {can('visit:write') && <Route path="/my-visits/:householdId" element={<RecordVisitPage />} />}
                {can('household:read') && <Route path="/households" element={<RegisterPage />} />}
                {can('household:import') && <Route path="/households/import" element={<ImportPage />} />}
                {can('household:read') && <Route path="/households/:id" element={<HouseholdPage />} />}
                {can('linkage:write') && <Route path="/linkage" element={<LinkagePage />} />}
                {can('metrics:read') && <Route path="/dashboard/:code?" element={<DashboardPage />} />}
                {can('visit:read') && <Route path="/overdue/:code?" element={<OverduePage />} />}
                <Route path="/notifications" element={<InboxPage />} />
                {can('matter:read') && <Route path="/matters" element={<MattersPage />} />}
                {can('matter:read') && <Route path="/matters/:id" element={<MatterDetailPage />} />}
                {can('webhook:write') && <Route path="/webhooks" element={<WebhooksPage />} />}
                {can('metrics:read') && <Route path="/matter-metrics" element={<MetricsPage />} />}
                {can(SETTINGS_NAV_PERMISSION) && <Route path="/settings/:section?" element={<SettingsPage />} />}
                <Route path="*" element={<Result status="404" title={t('app.notFound')} />} />
              </Routes>
            )}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

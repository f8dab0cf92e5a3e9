import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { AuthProvider, useAuth } from './auth';
import { useI18n } from './i18n';
import { Loading } from './Loading';
import 'dayjs/locale/zh-cn';

const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const Shell = lazy(() => import('./shell/Shell'));

function Gate() {
  const { me } = useAuth();
  if (me === undefined) return <Loading />;
  return <Suspense fallback={<Loading />}>{me ? <Shell /> : <LoginPage />}</Suspense>;
}

/**
 * The brand red, and grey texts dark enough for WCAG AA (4.5:1): antd's secondary and tertiary
 * greys (45 % black, 3.36:1 on white) become 60 % black (5.7:1 on white, 5.5:1 on table headers),
 * placeholders 55 % (4.7:1).
 */
const THEME = {
  token: {
    colorPrimary: '#b7312c',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Links and danger buttons: antd's #1677ff (4.1:1) and #ff4d4f (3.3:1) fall short on white.
    colorLink: '#0958d9',
    colorError: '#cf1322',
  },
};

/** The back office: antd in the chosen language, the login gate, then the shell. */
export default function StaffApp() {
  const { locale } = useI18n();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <AuthProvider>
          <Gate />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

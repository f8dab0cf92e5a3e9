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

/** The back office: antd in the chosen language, the login gate, then the shell. */
export default function StaffApp() {
  const { locale } = useI18n();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#b7312c' } }}>
      <AntApp>
        <AuthProvider>
          <Gate />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

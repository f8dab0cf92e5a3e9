import { Alert } from 'antd';
import { useMe } from '../auth';
import { useI18n } from '../i18n';

/** Demo deployments say so on every page, so nobody types real personal data into them. */
export function DemoBanner() {
  const me = useMe();
  const { t } = useI18n();
  if (!me.demo) return null;
  return <Alert type="warning" banner showIcon title={t('app.demo')} role="alert" />;
}

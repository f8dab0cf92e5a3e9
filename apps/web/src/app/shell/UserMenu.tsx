import { Button, Space, Typography } from 'antd';
import { useAuth, useMe } from '../auth';
import { useI18n } from '../i18n';
import { useApiError } from '../useApiError';

/** Who is logged in (name, unit, role), password change and logout. */
export function UserMenu({ compact, onChangePassword }: { compact: boolean; onChangePassword: () => void }) {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  const showError = useApiError();
  const role = t(`role.${me.role}` as const);
  return (
    <Space size="small" wrap style={{ justifyContent: 'flex-end' }}>
      <Typography.Text strong>{me.displayName}</Typography.Text>
      {!compact && <Typography.Text type="secondary">{[me.unitName ?? me.departmentName, role].filter(Boolean).join(' · ')}</Typography.Text>}
      <Button size="small" type="link" onClick={onChangePassword}>
        {t('auth.changePassword')}
      </Button>
      <Button size="small" onClick={() => logout().catch(showError)}>
        {t('auth.logout')}
      </Button>
    </Space>
  );
}

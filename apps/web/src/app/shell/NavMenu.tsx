import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { NAV } from './nav';

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = NAV.filter((n) => can(n.permission)).map((n) => ({ key: n.path, label: t(n.label) }));
  // The longest matching path wins: /households/import is its own item, not the register's.
  const selected = NAV.filter((n) => pathname === n.path || pathname.startsWith(n.path + '/')).sort((a, b) => b.path.length - a.path.length)[0]?.path;
  return (
    <nav aria-label={t('app.menu')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}

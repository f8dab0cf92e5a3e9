import { URGENCIES } from '@jiceng/shared/matters/states';
import { DEFAULT_LIMITS } from '@jiceng/shared/matters/deadlines';
import { App, Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { useLoad } from '../../app/useLoad';
import { CategoryModal } from './CategoryModal';
import { formatHours } from './format';
import { RowList } from './RowList';
import type { Category, CategoryBody } from './types';

const SUFFIX = { urgent: 'Urgent', ordinary: 'Ordinary', complex: 'Complex' } as const;

/** 事项类别与时限: the whole catalogue (inactive too), each limit in force and whether it is the category's own. */
export function CategoriesSection() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const { data, loading, reload } = useLoad(() => api.get<Category[]>('/matter-categories'), []);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const name = (c: Category) => (locale === 'en' ? c.nameEn : c.nameZh);
  const setActive = async (c: Category, active: boolean) => {
    const body: CategoryBody = { nameZh: c.nameZh, nameEn: c.nameEn, active, defaultUrgency: c.defaultUrgency, sort: c.sort, ...c.overrides };
    try {
      await api.put(`/matter-categories/${encodeURIComponent(c.code)}`, body);
      message.success(t('common.saved'));
      reload();
    } catch (err) {
      showError(err);
    }
  };
  const limits = (kind: 'respond' | 'resolve') => (c: Category) => (
    <Flex vertical>
      {URGENCIES.map((u) => (
        <span key={u}>
          {t(`matters.u.${u}`)} {formatHours(t, c[`${kind}Hours`][u])}
          {c.overrides[`${kind}Hours${SUFFIX[u]}`] != null && <Typography.Text type="secondary"> · {t('settings.custom')}</Typography.Text>}
        </span>
      ))}
    </Flex>
  );
  const d = DEFAULT_LIMITS;
  const h = (n: number) => formatHours(t, n);
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('settings.cat.hint', {
          ru: h(d.respond.urgent),
          ro: h(d.respond.ordinary),
          rc: h(d.respond.complex),
          su: h(d.resolve.urgent),
          so: h(d.resolve.ordinary),
          sc: h(d.resolve.complex),
          hu: h(d.handover.urgent),
          ho: h(d.handover.ordinary),
        })}
      </Typography.Paragraph>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
        {t('settings.cat.create')}
      </Button>
      <RowList<Category>
        rows={data ?? []}
        rowKey={(c) => c.code}
        loading={loading}
        label={t('settings.cat.table')}
        head={{
          key: 'name',
          title: t('settings.cat.name'),
          render: (c) => (
            <span>
              {name(c)} <Typography.Text type="secondary">{c.code}</Typography.Text>
            </span>
          ),
        }}
        columns={[
          { key: 'urgency', title: t('settings.cat.defaultUrgency'), render: (c) => t(`matters.u.${c.defaultUrgency}`) },
          { key: 'respond', title: t('settings.cat.respond'), render: limits('respond') },
          { key: 'resolve', title: t('settings.cat.resolve'), render: limits('resolve') },
          {
            key: 'status',
            title: t('settings.cat.status'),
            render: (c) => <Tag color={c.active ? 'green' : 'default'}>{t(c.active ? 'settings.active' : 'settings.inactive')}</Tag>,
          },
        ]}
        actions={{
          key: 'actions',
          title: t('common.actions'),
          render: (c) => (
            // The buttons name their category for screen readers; antd's spacing ("编 辑") would make the
            // visible text differ from that name (axe label-content-name-mismatch), hence autoInsertSpace off.
            <Space size={4} wrap>
              <Button size="small" autoInsertSpace={false} aria-label={`${t('common.edit')} ${name(c)}`} onClick={() => setEditing(c)}>
                {t('common.edit')}
              </Button>
              {/* Disabling takes a category away from every reporting form: it asks first; enabling does not. */}
              {c.active ? (
                <Popconfirm
                  title={t('settings.disableConfirm', { name: name(c) })}
                  okText={t('settings.disable')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => setActive(c, false)}
                >
                  <Button size="small" autoInsertSpace={false} danger aria-label={`${t('settings.disable')} ${name(c)}`}>
                    {t('settings.disable')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button size="small" autoInsertSpace={false} aria-label={`${t('settings.enable')} ${name(c)}`} onClick={() => setActive(c, true)}>
                  {t('settings.enable')}
                </Button>
              )}
            </Space>
          ),
        }}
      />
      {editing && (
        <CategoryModal
          category={editing === 'new' ? undefined : editing}
          existing={(data ?? []).map((c) => c.code)}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            message.success(t('common.saved'));
            reload();
          }}
        />
      )}
    </>
  );
}

import { Table } from 'antd';
import { useI18n } from '../../app/i18n';
import type { ImportIssue } from '@jiceng/shared/schemas/households';

/** Every problem the check found: row, column and the reason in the current language. */
export function ImportIssues({ issues, caption }: { issues: ImportIssue[]; caption: string }) {
  const { t, locale } = useI18n();
  return (
    <Table<ImportIssue>
      rowKey={(e, i) => `${e.row}-${e.field}-${i}`}
      size="small"
      aria-label={caption}
      dataSource={issues}
      pagination={issues.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 70 },
        { title: t('import.column'), dataIndex: 'column', width: 110 },
        { title: t('import.reason'), key: 'reason', render: (_, e) => (locale === 'en' ? e.en : e.zh) },
      ]}
    />
  );
}

import { Table } from 'antd';
import { useI18n } from '../../app/i18n';
import type { ImportUpdate } from '@jiceng/shared/schemas/households';

type Line = ImportUpdate['changes'][number] & { row: number; headName: string; key: string };

/** The dry run's preview of an update import: one line per changed field, before → after. */
export function ImportUpdates({ updates, caption }: { updates: ImportUpdate[]; caption: string }) {
  const { t } = useI18n();
  const lines: Line[] = updates.flatMap((u) => u.changes.map((c, i) => ({ ...c, row: u.row, headName: u.headName, key: `${u.householdId}-${i}` })));
  const dash = (v: string | null) => v ?? '—';
  return (
    <Table<Line>
      rowKey="key"
      size="small"
      aria-label={caption}
      dataSource={lines}
      pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 70 },
        { title: t('register.head'), dataIndex: 'headName', width: 90 },
        { title: t('import.member'), key: 'member', width: 90, render: (_, l) => l.member ?? t('import.household') },
        { title: t('import.column'), dataIndex: 'column', width: 100 },
        { title: t('import.before'), key: 'before', render: (_, l) => dash(l.before) },
        { title: t('import.after'), key: 'after', render: (_, l) => dash(l.after) },
      ]}
    />
  );
}

import { Table, type TableProps } from 'antd';

/**
 * The staff pages' table: rows keyed by id, compact, one page unless told otherwise, and on a
 * narrow phone it scrolls sideways rather than squeezing its columns (docs/ui.md).
 */
export function DataTable<T extends object>(props: TableProps<T>) {
  return <Table<T> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} {...props} />;
}

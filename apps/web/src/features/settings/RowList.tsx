import { Card, Descriptions, Empty, Flex, Grid, Spin, Table } from 'antd';
import type { ReactNode } from 'react';

export interface RowColumn<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
}

interface Props<T> {
  rows: T[];
  rowKey: (row: T) => string | number;
  columns: RowColumn<T>[];
  /** The row's title on a phone card (its first column on a wide screen). */
  head: RowColumn<T>;
  actions?: RowColumn<T>;
  loading: boolean;
  label: string;
  empty?: string;
}

/** A table on wide screens; on a phone one small card per row, so nothing scrolls sideways. */
export function RowList<T extends object>({ rows, rowKey, columns, head, actions, loading, label, empty }: Props<T>) {
  const wide = !!Grid.useBreakpoint().md;
  if (wide) {
    const all = [head, ...columns, ...(actions ? [actions] : [])];
    return (
      <Table<T>
        rowKey={rowKey}
        size="small"
        aria-label={label}
        loading={loading}
        dataSource={rows}
        pagination={false}
        locale={empty ? { emptyText: <Empty description={empty} /> } : undefined}
        // An empty table has nothing to scroll (antd would still show its "more columns" shadow).
        scroll={rows.length ? { x: 'max-content' } : undefined}
        columns={all.map((c) => ({ key: c.key, title: c.title, render: (_: unknown, row: T) => c.render(row) }))}
      />
    );
  }
  return (
    <Spin spinning={loading}>
      {/* An empty role=list fails axe (a list must own items): the empty note stands outside it. */}
      {!loading && rows.length === 0 && <Empty description={empty} />}
      <Flex vertical gap={8} role={rows.length ? 'list' : undefined} aria-label={rows.length ? label : undefined}>
        {rows.map((row) => (
          <Card key={rowKey(row)} size="small" role="listitem" title={head.render(row)}>
            <Descriptions size="small" column={1} items={columns.map((c) => ({ key: c.key, label: c.title, children: c.render(row) }))} />
            {actions && <div style={{ marginTop: 8 }}>{actions.render(row)}</div>}
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}

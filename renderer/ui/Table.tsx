import type { HTMLAttributes, ReactNode } from 'react';

export interface Column<R> {
  key: string;
  header: ReactNode;
  render: (row: R) => ReactNode;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  /** Keep the cell on one line (dates, codes). */
  nowrap?: boolean;
}

export interface TableProps<R> {
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  empty?: ReactNode;
  'aria-label'?: string;
  /** Attributes of a row (a click that selects it, aria-selected, a test id): a list whose rows open something below it. */
  rowProps?: (row: R) => HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };
}

/** A plain table for short lists (tens of rows). Large data sets get the DataGrid. */
export function Table<R>({ columns, rows, rowKey, empty, rowProps, ...aria }: TableProps<R>) {
  return (
    <div className="table-wrap">
      <table className="table" {...aria}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} style={{ width: c.width, textAlign: c.align }} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td className="table-empty" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={rowKey(r)} {...rowProps?.(r)}>
                {columns.map((c) => (
                  <td key={c.key} style={{ textAlign: c.align }} className={c.nowrap ? 'nowrap' : undefined}>
                    {c.render(r)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

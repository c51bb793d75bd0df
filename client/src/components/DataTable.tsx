// One table for the panels, dialogs and report: columns (header, cell, numeric alignment), rows with a
// key and optional row attributes, an optional caption; every header is a column header for screen readers.
import type { HTMLAttributes, ReactNode } from 'react';

export interface Column<Row> {
  /** Stable id of the column (React key). */
  id: string;
  header: ReactNode;
  cell(row: Row): ReactNode;
  /** Class of the column's cells (e.g. 'n' or 'num': right-aligned numbers). */
  className?: string;
  /** The cells name their row (<th scope="row">), as a row's name or id column does. */
  rowHeader?: boolean;
}

export interface DataTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string | number;
  className?: string;
  caption?: ReactNode;
  captionClassName?: string;
  testId?: string;
  /** Attributes of a row's <tr> (a selected class, data-* for tests). */
  rowProps?(row: Row): HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
}

export function DataTable<Row>(p: DataTableProps<Row>) {
  return (
    <table className={p.className} data-testid={p.testId}>
      {p.caption !== undefined && <caption className={p.captionClassName}>{p.caption}</caption>}
      <thead>
        <tr>
          {p.columns.map((c) => (
            <th key={c.id} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((row) => (
          <tr key={p.rowKey(row)} {...p.rowProps?.(row)}>
            {p.columns.map((c) =>
              c.rowHeader ? (
                <th key={c.id} scope="row" className={c.className}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.id} className={c.className}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

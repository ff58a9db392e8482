import type { ReactNode } from 'react';
import { Empty } from './states.tsx';

export interface Column<T> {
  /** Column heading (th scope=col). */
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned numbers (KERN numeric cells). */
  numeric?: boolean;
  /** This column names the row (th scope=row), e.g. the name. */
  rowHeader?: boolean;
}

/**
 * A KERN table with a caption (visible or for screen readers only). Wide tables scroll inside a
 * focusable region, so keyboard users can scroll them too. No rows: the empty state instead.
 */
export function DataTable<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  empty,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
}) {
  if (!rows.length) return <Empty>{empty}</Empty>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="kern-table-responsive table-region" tabIndex={0} aria-label={caption}>
      <table className="kern-table kern-table--striped">
        <caption className={captionHidden ? 'kern-sr-only' : 'kern-title table-caption'}>{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`kern-table__header${c.numeric ? ' kern-table__header--numeric' : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="kern-table__row">
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.header} scope="row" className="kern-table__cell row-header">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={`kern-table__cell${c.numeric ? ' kern-table__cell--numeric' : ''}`}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

const cell = 'border-b border-slate-200 px-2 py-1 text-left dark:border-slate-800';
/** Above this many rows the table scrolls in its own box and only renders the rows in view. */
export const VIRTUAL_ROWS = 100;
const ROW_PX = 29;

export interface Column<T> {
  header: string;
  value(item: T): string;
}

interface Props<T> {
  items: readonly T[];
  columns: readonly Column<T>[];
  testId: string;
  /** The row lit up from the text, and the callback that lights the text from a row. */
  active: number | null;
  onActive(index: number | null): void;
}

/** One table for entities, triples and events: columns say what each shows. Rows are focusable and light up their spans. */
export function ItemTable<T>({ items, columns, testId, active, onActive }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = items.length > VIRTUAL_ROWS;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer returns functions by design
  const v = useVirtualizer({ count: virtual ? items.length : 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });
  if (items.length === 0) return null;

  const row = (item: T, i: number) => (
    <tr
      key={i}
      tabIndex={0}
      aria-rowindex={i + 2}
      className={active === i ? 'bg-indigo-100 dark:bg-indigo-900' : 'focus:bg-indigo-50 dark:focus:bg-indigo-950'}
      data-active={active === i || undefined}
      onMouseEnter={() => onActive(i)}
      onMouseLeave={() => onActive(null)}
      onFocus={() => onActive(i)}
      onBlur={() => onActive(null)}
    >
      {columns.map((c) => (
        <td key={c.header} className={cell}>
          {c.value(item)}
        </td>
      ))}
    </tr>
  );

  const rendered = virtual ? v.getVirtualItems() : null;
  const before = rendered?.[0]?.start ?? 0;
  const after = rendered && rendered.length ? v.getTotalSize() - rendered[rendered.length - 1]!.end : 0;
  const table = (
    <table className="w-full text-sm" data-testid={testId} aria-rowcount={items.length + 1}>
      <thead className={virtual ? 'sticky top-0 bg-white dark:bg-slate-950' : undefined}>
        <tr aria-rowindex={1}>
          {columns.map((c) => (
            <th key={c.header} className={cell} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rendered ? (
          <>
            {before > 0 && <tr aria-hidden style={{ height: before }} />}
            {rendered.map((r) => row(items[r.index]!, r.index))}
            {after > 0 && <tr aria-hidden style={{ height: after }} />}
          </>
        ) : (
          items.map(row)
        )}
      </tbody>
    </table>
  );
  return virtual ? (
    <div ref={scroller} className="max-h-96 overflow-auto" tabIndex={0} role="region" aria-label={`${items.length}`}>
      {table}
    </div>
  ) : (
    table
  );
}

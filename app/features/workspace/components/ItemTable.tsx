const cell = 'border-b border-slate-200 px-2 py-1 text-left dark:border-slate-800';

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
  if (items.length === 0) return null;
  return (
    <table className="text-sm" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} className={cell} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => (
          <tr
            key={i}
            tabIndex={0}
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
        ))}
      </tbody>
    </table>
  );
}

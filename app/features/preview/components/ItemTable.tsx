const cell = 'border-b border-slate-200 px-2 py-1 text-left dark:border-slate-800';

export interface Column<T> {
  header: string;
  value(item: T): string;
}

/** One table for entities, triples and events: columns say what each shows. Values render as text. */
export function ItemTable<T>({ items, columns, testId }: { items: readonly T[]; columns: readonly Column<T>[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <table className="text-sm" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} className={cell}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => (
          <tr key={i}>
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

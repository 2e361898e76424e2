import { useTranslation } from 'react-i18next';
import { addTuple, removeTuple, setTupleField, type QuadrupleField, type TripleField, type TupleKind } from '../../../src/annotate/edits.ts';
import { labelChoices, useCorpusStore } from '../../shared/corpus/corpusStore.ts';

const FIELDS: Record<TupleKind, readonly { field: TripleField | QuadrupleField; label: string; arg: boolean }[]> = {
  relations: [
    { field: 'head', label: 'result.head', arg: true },
    { field: 'relation', label: 'result.relation', arg: false },
    { field: 'tail', label: 'result.tail', arg: true },
  ],
  events: [
    { field: 'subject', label: 'result.subject', arg: true },
    { field: 'trigger', label: 'result.trigger', arg: true },
    { field: 'object', label: 'result.object', arg: true },
    { field: 'time', label: 'result.time', arg: true },
  ],
};
const input = 'w-full min-w-0 rounded border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900';
const button = 'rounded border border-slate-300 px-1.5 text-xs disabled:opacity-40 dark:border-slate-700';

/**
 * Triples or events as rows of fields. A field is typed (committed on Enter or leaving it, so one edit is
 * one undo step) or taken from the text selection with ⇤; relations and triggers suggest the known labels.
 */
export function TupleEditor({ kind }: { kind: TupleKind }) {
  const { t } = useTranslation();
  const x = useCorpusStore((s) => s.current)!;
  const task = useCorpusStore((s) => s.editorTask);
  const selection = useCorpusStore((s) => s.selection);
  const { apply, setSelection } = useCorpusStore.getState();
  const rows = kind === 'relations' ? x.relations : x.events;
  const listId = `labels-${kind}`;
  const commit = (i: number, field: TripleField | QuadrupleField, value: string) =>
    apply((y, text) => {
      const current = (kind === 'relations' ? y.relations[i] : y.events[i]) as unknown as Record<string, string | null>;
      return (current[field] ?? '') === value ? y : setTupleField(y, text, kind, i, field, value);
    });
  return (
    <div className="grid gap-2" data-testid={`${kind}-editor`}>
      <datalist id={listId}>
        {labelChoices(task).map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      <table className="w-full table-fixed text-sm">
        <thead>
          <tr className="text-left">
            {FIELDS[kind].map((f) => (
              <th key={f.field}>{t(f.label)}</th>
            ))}
            <th className="w-8">
              <span className="sr-only">{t('annotate.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {FIELDS[kind].map(({ field, label, arg }) => {
                const value = ((row as unknown as Record<string, string | null>)[field] ?? '') as string;
                const offsets = arg ? ((row.offsets as Record<string, readonly [number, number] | null>)[field] ?? null) : null;
                const name = t('annotate.tupleField', { field: t(label), row: i + 1 });
                return (
                  <td key={field} className="pr-1 align-top">
                    <div className="flex gap-0.5">
                      <input
                        // A new key when the value changes elsewhere (undo, a pick) resets the uncommitted field.
                        key={value}
                        className={input}
                        lang="ja"
                        defaultValue={value}
                        aria-label={name}
                        list={field === 'relation' || field === 'trigger' ? listId : undefined}
                        onBlur={(e) => commit(i, field, e.target.value)}
                        onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && commit(i, field, e.currentTarget.value)}
                      />
                      {arg && (
                        <button
                          type="button"
                          className={button}
                          disabled={!selection}
                          title={t('annotate.fromSelection')}
                          aria-label={t('annotate.fromSelectionFor', { field: name })}
                          onClick={() => {
                            if (!selection) return;
                            apply((y, text) => setTupleField(y, text, kind, i, field, null, selection));
                            setSelection(null);
                          }}
                        >
                          ⇤
                        </button>
                      )}
                    </div>
                    {arg && value !== '' && offsets === null && <span className="text-xs text-amber-700 dark:text-amber-300">{t('result.notFound')}</span>}
                  </td>
                );
              })}
              <td>
                <button type="button" className="px-1" aria-label={t('annotate.deleteTuple', { row: i + 1 })} onClick={() => apply((y) => removeTuple(y, kind, i))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <button type="button" className={button} onClick={() => apply((y) => addTuple(y, kind))}>
          {kind === 'relations' ? t('annotate.addTriple') : t('annotate.addEvent')}
        </button>
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { addTuple, removeTuple, setTupleField } from '../../../src/annotate/edits.ts';
import { TUPLE_SCHEMAS, tupleMention, type TupleField, type TupleKind } from '../../../src/format/itemSchema.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { labelChoices, useCorpusStore } from '../../shared/corpus/corpusStore.ts';
import { ProvenanceTag } from './ProvenanceTag.tsx';
import { annotateCommands, type AnnotateCommandId } from './annotateCommands.ts';
import { arcOfItem } from '../../../src/annotate/arcs.ts';

const COMMANDS = new Map(annotateCommands().map((c) => [c.id, c]));
const command = (id: AnnotateCommandId) => COMMANDS.get(id)!;

/** The columns of a tuple table: its schema's fields, each with its name in the catalogs. */
const fieldsOf = (kind: TupleKind) => TUPLE_SCHEMAS[kind].fields.map((f) => ({ field: f.name as TupleField, label: `result.${f.name}` as MessageKey, arg: f.kind === 'mention', suggests: f.suggestsLabels === true }));
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
  // The row of the arc selected in the text is the same item: lit here too.
  const arc = useCorpusStore((s) => s.arc);
  // The whole state: a row's ✓ and ✗ are the commands, run on that row's arc.
  const state = useCorpusStore();
  const { apply, setSelection } = useCorpusStore.getState();
  const rows = x[kind];
  const fields = fieldsOf(kind);
  const listId = `labels-${kind}`;
  const commit = (i: number, field: TupleField, value: string) =>
    apply((y, text) => {
      const row = y[kind][i];
      return !row || (tupleMention(row, field).text ?? '') === value ? y : setTupleField(y, text, kind, i, field, value);
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
            {fields.map((f) => (
              <th key={f.field}>{t(f.label)}</th>
            ))}
            <th>{t('annotate.madeBy')}</th>
            <th className="w-8">
              <span className="sr-only">{t('annotate.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className={arc?.kind === kind && arc.item === i ? 'bg-indigo-50 dark:bg-indigo-950' : undefined} data-selected={(arc?.kind === kind && arc.item === i) || undefined}>
              {fields.map(({ field, label, arg, suggests }) => {
                const mention = tupleMention(row, field);
                const value = mention.text ?? '';
                const offsets = arg ? mention.offsets : null;
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
                        list={suggests ? listId : undefined}
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
              <td className="align-top">
                <ProvenanceTag provenance={row.provenance} item={t('annotate.tupleRow', { row: i + 1 })} state={{ ...state, arc: arcOfItem(x, kind, i) }} command={command} />
              </td>
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

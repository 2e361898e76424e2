import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EditorSlice } from '../../shared/corpus/types.ts';
import { useTranslation } from 'react-i18next';
import { TASKS } from '../../../src/index.ts';
import { setCategory, setSpanLabel, setSpanRange } from '../../../src/annotate/edits.ts';
import { useProfileStore } from '../../shared/profile/profileStore.ts';
import { useCorpusStore } from '../../shared/corpus/corpusStore.ts';
import { ConflictChoice } from './ConflictChoice.tsx';
import { MAX_EDIT_CHARS } from '../../shared/corpus/editorSlice.ts';
import { useStorageMessage } from '../../shared/storage/useStorageMessage.ts';
import { annotateCommands, type AnnotateCommandId } from './annotateCommands.ts';
import { CommandButton } from '../../shared/commands/CommandButton.tsx';
import { AnnotatedText } from './AnnotatedText.tsx';
import { TupleEditor } from './TupleEditor.tsx';
import { LinkBar } from './LinkBar.tsx';
import { ProvenanceTag } from './ProvenanceTag.tsx';
import { LabelSchemaEditor } from './LabelSchemaEditor.tsx';
import { EditorIssues } from './EditorIssues.tsx';
import { suggestingModels, suggestionsOf } from '../../../src/annotate/provenance.ts';
import { MAX_NAME_CHARS, useAnnotatorStore } from '../../shared/corpus/annotatorStore.ts';

const button = 'rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-40 dark:border-slate-700';
const select = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900';

/** Corrects one corpus document: category, spans from selected text, tuples; every edit saved at once and undoable. */
/** Rows of the span table shown at once. */
const SPAN_PAGE = 200;
/** Characters of a read-only document shown (it is there to be recognised, not read). */
const READ_ONLY_SHOWN = 10_000;

export function AnnotationEditor() {
  const { t } = useTranslation();
  // The whole corpus state: the command buttons are enabled by the state they are given.
  const state = useCorpusStore();
  const { docId, editorText: text, editorTask: task, current: x, selected, selection, queue, apply, select: selectSpan, setSelection, closeEditor: close } = state;
  // A document deleted in another tab while a correction of it waits to be kept or dropped: this tab's copy.
  const doc = useMemo(() => state.documents.find((d) => d.id === docId) ?? (state.conflict?.id === docId ? state.conflict.local : undefined), [state.documents, docId, state.conflict]);
  const categories = useProfileStore((s) => s.profile.categories[task]);
  const wordLabels = useProfileStore((s) => s.profile.wordLabels[task]);
  const storageProblem = useStorageMessage(state.storageProblem);
  // The editor's buttons are the same commands the keys run.
  const labelKeys = useProfileStore((s) => s.profile.labelKeys);
  const commands = useMemo(() => new Map(annotateCommands(labelKeys).map((c) => [c.id, c])), [labelKeys]);
  const command = (id: AnnotateCommandId) => commands.get(id)!;
  /** A label's command: its own key where it has one, else its number key (the first nine). */
  const labelCommand = (label: string, i: number) => commands.get(`labelKey:${label}`) ?? commands.get(`label${(i + 1) as 1}`);
  const [page, setPage] = useState(0);
  const box = useRef<HTMLElement>(null);
  // A document opened (from the list, or the next one) is brought into view and its text focused, so the
  // keys act on it at once; one already in view is not moved.
  useEffect(() => {
    const el = box.current;
    if (docId === null || !el) return;
    const top = el.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.6) el.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLElement>('[data-testid="annotated-text"]')?.focus({ preventScroll: true });
  }, [docId]);
  if (docId === null || !x || !doc) return null;
  // The span table shows one page of SPAN_PAGE rows (the one holding the selected span): 5,000 rows of
  // label menus took seconds to lay out, for a table nobody reads whole.
  const pageStart = selected !== null ? Math.floor(selected / SPAN_PAGE) * SPAN_PAGE : Math.min(page, Math.max(0, x.entities.length - 1));
  const rows = { from: pageStart, to: Math.min(x.entities.length, pageStart + SPAN_PAGE) };
  const turnPage = (from: number) => {
    selectSpan(null);
    setPage(from);
  };
  const shape = TASKS[task].shape;
  const tupleKind = shape === 'triple' ? 'relations' : shape === 'event' ? 'events' : null;
  // Subscribed, so an edit of the label schema shows on the buttons and in the span menus at once.
  const labels = wordLabels;
  const position = queue.indexOf(docId);
  const categoryChoices = x.category !== null && !categories.includes(x.category) ? [...categories, x.category] : categories;
  const pending = suggestionsOf(x).length;

  return (
    <section ref={box} className="grid grid-cols-[minmax(0,1fr)] scroll-mt-2 gap-3 rounded border border-indigo-300 p-3 dark:border-indigo-800" aria-labelledby="annotate-heading" data-testid="annotator">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="annotate-heading" className="font-medium">
          {t('annotate.heading', { position: position + 1, total: queue.length })}
        </h2>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {doc.source}
          {doc.line === null ? '' : `:${doc.line}`} · {task}
        </span>
        {doc.reviewed === 1 && (
          <span className="rounded-full bg-emerald-700 px-2 text-xs text-white" data-testid="reviewed-badge">
            {t('annotate.reviewed')}
          </span>
        )}
        {doc.reviewed === 1 && doc.reviewedAt !== undefined && (
          <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="reviewed-by">
            {t('annotate.reviewedBy', { name: doc.reviewedBy || t('annotate.someone'), when: new Date(doc.reviewedAt).toLocaleString() })}
          </span>
        )}
        {doc.flagged === 1 && (
          <span className="rounded-full bg-amber-700 px-2 text-xs text-white" data-testid="flagged-badge">
            ⚑ {t('annotate.flagged')}
          </span>
        )}
        {doc.skipped === 1 && (
          <span className="rounded-full border border-slate-500 px-2 text-xs" data-testid="skipped-badge">
            {t('annotate.skipped')}
          </span>
        )}
        <div className="ml-auto flex flex-wrap gap-1">
          <CommandButton command={command('undo')} state={state} className={button} />
          <CommandButton command={command('redo')} state={state} className={button} />
          <CommandButton command={command('prevDocument')} state={state} className={button} label={t('annotate.prev')} />
          <CommandButton command={command('nextDocument')} state={state} className={button} label={t('annotate.next')} />
          <CommandButton command={command('toggleFlag')} state={state} className={`${button} ${doc.flagged === 1 ? 'bg-amber-100 dark:bg-amber-900' : ''}`} label={t('annotate.flag')} />
          <CommandButton command={command('skip')} state={state} className={button} label={t('annotate.skip')} />
          {doc.reviewed === 1 && <CommandButton command={command('unreview')} state={state} className={button} label={t('annotate.unreview')} />}
          <CommandButton command={command('reviewNext')} state={state} className={`${button} bg-emerald-700 text-white`} />
          <button type="button" className={button} onClick={close}>
            {t('commands.close')}
          </button>
        </div>
      </div>

      {(doc.prediction || doc.predictionError) && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="prediction-info">
          {doc.prediction && t('annotate.predictedBy', { model: doc.prediction.model })}
          {doc.predictionError && <span className="text-red-700 dark:text-red-300"> {t('annotate.predictionFailed', { message: doc.predictionError })}</span>}
        </p>
      )}
      {/* A conflict is said by its own choice below, not twice. */}
      {storageProblem && !(state.storageProblem?.code === 'conflict' && state.conflict?.id === docId) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="annotate-storage-problem">
          {storageProblem}
        </p>
      )}
      {state.conflict?.id === docId && <ConflictChoice mine={x} />}
      {state.editorReadOnly && (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300" data-testid="read-only">
          {t('annotate.readOnly', { count: doc.text.length, max: MAX_EDIT_CHARS })}
        </p>
      )}
      {pending > 0 && !state.editorReadOnly && (
        <div role="status" className="flex flex-wrap items-center gap-1 rounded border border-dashed border-slate-400 p-1.5 text-sm" data-testid="suggestions">
          <span lang="ja">{t('annotate.suggestions', { count: pending, models: suggestingModels(x).join(', ') })}</span>
          <CommandButton command={command('acceptAll')} state={state} className={`${button} border-emerald-700`} label={t('annotate.acceptAll')} />
          <CommandButton command={command('rejectAll')} state={state} className={`${button} border-red-700`} label={t('annotate.rejectAll')} />
        </div>
      )}
      {state.propagated && <Propagated propagated={state.propagated} entities={x.entities} onSelect={selectSpan} undo={<CommandButton command={command('undo')} state={state} className={button} />} />}
      {state.updatedElsewhere && (
        <p role="status" className="text-xs text-slate-600 dark:text-slate-400" data-testid="updated-elsewhere">
          {t('annotate.updatedElsewhere')}
        </p>
      )}
      {state.historyTrimmed && (
        <p role="status" className="text-xs text-slate-600 dark:text-slate-400" data-testid="history-trimmed">
          {t('annotate.historyTrimmed')}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <label className="flex min-w-0 items-center gap-2 text-sm">
        {t('annotate.category')}
        <select className={`${select} min-w-0`} value={x.category ?? ''} onChange={(e) => apply((y) => setCategory(y, e.target.value))} data-testid="category-select">
          <option value="">{t('result.noCategory')}</option>
          {categoryChoices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <AnnotatorName />
      </div>
      <Comment key={`${docId}:${doc.comment ?? ''}`} value={doc.comment ?? ''} onSave={(text) => void state.markDocument({ kind: 'comment', text })} />

      {/* On wide screens the document and its items side by side; stacked otherwise. */}
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-3 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" data-testid="document-and-items">
      <div className="grid grid-cols-[minmax(0,1fr)] gap-3 2xl:sticky 2xl:top-2">
      {state.editorReadOnly ? (
        <p className="max-h-96 overflow-auto text-sm whitespace-pre-wrap" lang="ja" data-testid="read-only-text">
          {text.slice(0, READ_ONLY_SHOWN)}…
        </p>
      ) : (
      <>
        {tupleKind && <LinkBar kind={tupleKind} state={state} command={command} labelCommand={labelCommand} />}
        <AnnotatedText
          text={text}
          extraction={x}
          selected={selected}
          selection={selection}
          onSelect={selectSpan}
          // While an arc is drawn, text selected with the pointer is where it goes.
          onSelection={(r) => (state.linking && r ? state.setLinking({ ...state.linking, to: r }) : setSelection(r))}
          onResize={(i, start, end) => apply((y, t2) => setSpanRange(y, t2, i, start, end))}
          {...(tupleKind && {
            mention: state.mention,
            linking: state.linking,
            arc: state.arc,
            onMention: (r) => (state.linking ? state.setLinking({ ...state.linking, to: r }) : state.selectMention(r)),
            onPickArc: (a) => state.selectArc({ kind: a.kind, item: a.item, role: a.role }),
            onLink: (from, to) => state.setLinking({ from, to }),
          })}
        />
        {tupleKind && (
          <p className="text-xs text-slate-600 min-[560px]:hidden dark:text-slate-400" data-testid="arcs-off">
            {t('annotate.arcsOff')}
          </p>
        )}
      </>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">{shape === 'pairs' ? t('annotate.spanHint') : t('annotate.tupleHint')}</p>
      {!state.editorReadOnly && <EditorIssues x={x} state={state} />}
      {!state.editorReadOnly && <LabelSchemaEditor task={task} />}
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-3">

      {shape === 'pairs' && !state.editorReadOnly && (
        <>
          <div className="flex flex-wrap gap-1" role="group" aria-label={t('annotate.labels')}>
            {labels.map((l, i) => {
              const pick = labelCommand(l, i);
              return pick && <CommandButton key={l} command={pick} state={state} className={button} label={l} />;
            })}
          </div>
          {/* A narrow screen scrolls the table in its own box; the page never widens. */}
          <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="span-list">
            <thead>
              <tr className="text-left">
                <th>{t('result.label')}</th>
                <th>{t('result.span')}</th>
                <th>{t('result.offsets')}</th>
                <th>{t('annotate.madeBy')}</th>
                <th>
                  <span className="sr-only">{t('annotate.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {x.entities.slice(rows.from, rows.to).map((e, k) => {
                const i = rows.from + k;
                return (
                  <tr
                    key={i}
                    className={`${i === selected ? 'bg-indigo-50 dark:bg-indigo-950' : ''} ${e.provenance?.suggestion ? 'italic' : ''}`}
                    data-selected={i === selected || undefined}
                    data-suggested={e.provenance?.suggestion || undefined}
                    onClick={() => selectSpan(i)}
                  >
                    <td>
                      <select className={select} value={e.label} aria-label={t('annotate.spanLabel', { span: e.text })} onChange={(ev) => apply((y) => setSpanLabel(y, i, ev.target.value))}>
                        {[...new Set([...labels, e.label])].map((l) => (
                          <option key={l}>{l}</option>
                        ))}
                      </select>
                    </td>
                    <td lang="ja">{e.text}</td>
                    <td className="tabular-nums">{e.start === null ? t('result.notFound') : `${e.start}–${e.end}`}</td>
                    <td>
                      <ProvenanceTag provenance={e.provenance} item={`${e.label}:${e.text}`} state={{ ...state, selected: i }} command={command} />
                    </td>
                    <td className="text-right">
                      <CommandButton command={command('deleteSpan')} state={{ ...state, selected: i }} className="px-1" ariaLabel={t('annotate.deleteSpan', { span: e.text })}>
                        ×
                      </CommandButton>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
          {x.entities.length > SPAN_PAGE && (
            <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="span-pages">
              {t('annotate.spanPage', { from: rows.from + 1, to: rows.to, total: x.entities.length })}
              <button type="button" className={button} disabled={rows.from === 0} onClick={() => turnPage(rows.from - SPAN_PAGE)}>
                {t('annotate.spanPagePrev')}
              </button>
              <button type="button" className={button} disabled={rows.to >= x.entities.length} onClick={() => turnPage(rows.from + SPAN_PAGE)}>
                {t('annotate.spanPageNext')}
              </button>
            </div>
          )}
        </>
      )}
      {shape !== 'pairs' && !state.editorReadOnly && <TupleEditor kind={shape === 'triple' ? 'relations' : 'events'} />}
      </div>
      </div>
    </section>
  );
}

/** The document's comment: typed freely, saved when the box is left (one write, not one per key). */
function Comment({ value, onSave }: { value: string; onSave(text: string): void }) {
  const { t } = useTranslation();
  return (
    <label className="grid gap-1 text-sm" title={t('annotate.commentHint')}>
      {t('annotate.comment')}
      <textarea
        className="min-w-0 rounded border border-slate-300 bg-white p-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        rows={1}
        lang="ja"
        defaultValue={value}
        onBlur={(e) => e.target.value !== value && onSave(e.target.value)}
        data-testid="document-comment"
      />
    </label>
  );
}

/** Who is annotating, asked once and kept: every edit and accept is stamped with it. */
function AnnotatorName() {
  const { t } = useTranslation();
  const name = useAnnotatorStore((s) => s.name);
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm" title={t('annotate.annotatorHint')}>
      {t('annotate.annotator')}
      <input
        className="w-40 min-w-0 rounded border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        value={name}
        maxLength={MAX_NAME_CHARS}
        onChange={(e) => useAnnotatorStore.getState().setName(e.target.value)}
        data-testid="annotator-name"
      />
    </label>
  );
}

/** Occurrences listed after "label every occurrence", each a button to its new span, so they can be checked. */
const PROPAGATED_SHOWN = 50;

/** What "label every occurrence" just did, to be reviewed one by one, or taken back as one step. */
function Propagated({
  propagated: p,
  entities,
  onSelect,
  undo,
}: {
  propagated: NonNullable<EditorSlice['propagated']>;
  entities: readonly { label: string; start: number | null; end: number | null }[];
  onSelect(i: number): void;
  undo: ReactNode;
}) {
  const { t } = useTranslation();
  const count = p.ranges.length;
  return (
    <div role="status" className="flex flex-wrap items-center gap-1 text-sm" data-testid="propagated">
      <span lang="ja">{count === 0 ? t('annotate.propagatedNone', { text: p.text, label: p.label }) : t('annotate.propagated', { count, text: p.text, label: p.label })}</span>
      {p.ranges.slice(0, PROPAGATED_SHOWN).map(([s, e]) => (
        <button
          key={s}
          type="button"
          className="rounded border border-slate-300 px-1 text-xs tabular-nums dark:border-slate-700"
          aria-label={t('annotate.propagatedAt', { start: s, end: e })}
          onClick={() => {
            const i = entities.findIndex((o) => o.start === s && o.end === e && o.label === p.label);
            if (i !== -1) onSelect(i);
          }}
        >
          {s}–{e}
        </button>
      ))}
      {count > PROPAGATED_SHOWN && <span className="text-xs">{t('annotate.propagatedMore', { count: count - PROPAGATED_SHOWN })}</span>}
      {count > 0 && undo}
    </div>
  );
}

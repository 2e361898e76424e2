import { useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Choice } from '../../shared/Choice.tsx';
import { downloadFile } from '../../shared/download.ts';
import { isStaleChunk } from '../../shared/appUpdate.ts';
import { importedCount, useCorpusStore } from '../../shared/corpus/corpusStore.ts';
import { useProfileStore } from '../../shared/profile/profileStore.ts';
import { useStorageMessage } from '../../shared/storage/useStorageMessage.ts';
import { ACCEPT, EXPORT_TARGETS, exportDocuments, type TextMode } from '../../../src/interchange/formats.ts';
import { ANY_CATEGORY, categoriesOf, filterDocuments, NO_CATEGORY, NO_FILTER, type DocumentFilter } from '../../../src/corpus/filter.ts';
import { categoryEvidence, doubtOf, mostDoubtfulFirst } from '../../../src/corpus/doubt.ts';
import { TASK_IDS, type TaskId } from '../../../src/index.ts';
import type { Loss } from '../../../src/interchange/losses.ts';
import { ImportSummary, LossList } from './ImportSummary.tsx';
import { PendingImportForm } from './PendingImportForm.tsx';

const button = 'rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-700';
const ROW = 32;
const NONE_DELETED: never[] = [];

interface CorpusPanelProps {
  /** The task offered first when an imported file does not say one (the user still chooses). */
  importTask(): TaskId;
  /** Opens a document, with the ids shown (the editor steps through them). */
  onOpen(id: number, shownIds: number[]): void;
  /** The batch controls for the shown documents. */
  batch(shownIds: number[]): ReactNode;
}

/** Characters of a document's text a list row shows (the row is one line wide). */
const ROW_CHARS = 300;
/** The start of a text for its row, never cut inside a surrogate pair. */
const preview = (text: string) => {
  if (text.length <= ROW_CHARS) return text;
  const high = text.charCodeAt(ROW_CHARS - 1);
  return `${text.slice(0, high >= 0xd800 && high <= 0xdbff ? ROW_CHARS - 1 : ROW_CHARS)}…`;
};

/** The user's documents, kept in IndexedDB: import files, open a document, delete. */
export function CorpusPanel({ importTask, onOpen, batch }: CorpusPanelProps) {
  const { t } = useTranslation();
  const documents = useCorpusStore((s) => s.documents);
  const importSummary = useCorpusStore((s) => s.importSummary);
  const deleted = useCorpusStore((s) => s.deleted.at(-1) ?? NONE_DELETED);
  const imported = importedCount(importSummary);
  const problem = useCorpusStore((s) => s.storageProblem);
  const storageProblem = useStorageMessage(problem);
  const quota = problem?.code === 'quota';
  const progress = useCorpusStore((s) => s.importProgress);
  const pending = useCorpusStore((s) => s.pending[0]);
  const progressText = !progress
    ? ''
    : progress.phase === 'reading'
      ? t('corpus.readProgress', { file: progress.file, percent: Math.floor((100 * progress.done) / Math.max(1, progress.total)) })
      : t('corpus.importProgress', { file: progress.file, stored: progress.done, total: progress.total });
  const openId = useCorpusStore((s) => s.docId);
  const { loadDocuments: load, importFiles, remove, clear, setTextMode, undoDelete } = useCorpusStore.getState();
  const [confirmClear, setConfirmClear] = useState(false);
  const [bom, setBom] = useState(true);
  const [exportFailed, setExportFailed] = useState(false);
  const [exportLosses, setExportLosses] = useState<{ format: string; losses: Loss[] } | null>(null);
  const textMode = useCorpusStore((s) => s.textMode);
  const scroller = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState<DocumentFilter>(NO_FILTER);
  const deferredFilter = useDeferredValue(filter);
  // A review queue: the list (and so the editor's steps) most doubtful first, when asked for.
  const [order, setOrder] = useState<'imported' | 'doubt'>('imported');
  // What the whole corpus says about categories and labels, not only the documents a filter shows.
  const evidence = useMemo(() => (order === 'doubt' ? categoryEvidence(documents) : undefined), [documents, order]);
  const shown = useMemo(() => {
    const filtered = filterDocuments(documents, deferredFilter);
    return evidence ? mostDoubtfulFirst(filtered, evidence) : filtered;
  }, [documents, deferredFilter, evidence]);
  const set = (patch: Partial<DocumentFilter>) => setFilter({ ...filter, ...patch });
  const anyWithWithout = (k: 'output' | 'warnings'): [string, string][] => [
    ['any', t(`corpus.${k}Any`)],
    ['with', t(`corpus.${k}With`)],
    ['without', t(`corpus.${k}Without`)],
  ];
  const shownIds = useMemo(() => shown.map((d) => d.id!), [shown]);
  const categories = useMemo(() => categoriesOf(documents), [documents]);
  // The editor steps through the list as filtered.
  const openDocument = (id: number) => onOpen(id, shownIds);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer returns functions by design
  const v = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10 });

  useEffect(() => {
    void load();
  }, [load]);
  const [format, setFormat] = useState(EXPORT_TARGETS[0]!.value);
  const download = () => {
    // What is shown is what is exported: filter to the reviewed documents to export only those.
    const target = EXPORT_TARGETS.find((x) => x.value === format)!;
    setExportFailed(false);
    void exportDocuments(target, shown, useProfileStore.getState().profile, { bom }).then(
      ({ file, losses }) => {
        downloadFile(file.name, file.type, file.content);
        // What the format could not hold is said beside the button, never dropped silently.
        setExportLosses(losses.length ? { format: target.value, losses } : null);
      },
      // The writer is a lazy chunk: after a new deployment an old tab cannot load it (the header offers the reload).
      (e: unknown) => {
        isStaleChunk(e);
        setExportFailed(true);
      },
    );
  };

  return (
    <details className="rounded border border-slate-200 p-3 dark:border-slate-800" data-testid="corpus">
      <summary className="font-medium">
        {t('corpus.heading')} ({documents.length})
      </summary>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label className={`${button} cursor-pointer`}>
          {t('corpus.import')}
          <input
            type="file"
            multiple
            accept={ACCEPT}
            className="sr-only"
            aria-label={t('corpus.import')}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              if (files.length) void importFiles(files);
              e.target.value = '';
            }}
          />
        </label>
        <Choice
          className={button}
          ariaLabel={t('corpus.textMode')}
          value={textMode}
          onChange={(v) => setTextMode(v as TextMode)}
          options={[
            ['lines', t('corpus.textLines')],
            ['whole', t('corpus.textWhole')],
          ]}
        />
        {documents.length > 0 && (
          <>
            <select className={button} value={format} onChange={(e) => setFormat(e.target.value)} aria-label={t('corpus.exportFormat')}>
              {EXPORT_TARGETS.map((f) => (
                <option key={f.value} value={f.value}>
                  {t(`corpus.formatNames.${f.value}` as 'corpus.formatNames.records')}
                </option>
              ))}
            </select>
            <button type="button" className={button} onClick={download}>
              {t('corpus.export')}
            </button>
            <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="export-scope">
              {t('corpus.exportShown', { count: shown.length })}
            </span>
            {format.startsWith('csv') && (
              <label className="flex items-center gap-1 text-xs">
                <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
                {t('corpus.csvBom')}
              </label>
            )}
          </>
        )}
        {documents.length > 0 && !confirmClear && (
          <button type="button" className={button} onClick={() => (documents.length > 1 ? setConfirmClear(true) : void clear())}>
            {t('corpus.deleteAll')}
          </button>
        )}
        {confirmClear && (
          <span role="alertdialog" aria-label={t('corpus.deleteAllConfirm', { count: documents.length })} className="flex items-center gap-2 text-sm" data-testid="delete-all-confirm">
            {t('corpus.deleteAllConfirm', { count: documents.length })}
            <button
              type="button"
              className={`${button} border-red-400 text-red-700 dark:text-red-300`}
              onClick={() => {
                setConfirmClear(false);
                void clear();
              }}
            >
              {t('corpus.deleteConfirm')}
            </button>
            <button type="button" className={button} onClick={() => setConfirmClear(false)}>
              {t('corpus.cancel')}
            </button>
          </span>
        )}
        {deleted.length > 0 && (
          <span role="status" className="flex items-center gap-2 text-sm" data-testid="deleted">
            {t('corpus.deleted', { count: deleted.length })}
            <button type="button" className={button} onClick={() => void undoDelete()}>
              {t('corpus.undoDelete')}
            </button>
          </span>
        )}
        {imported !== null && (
          <span className="text-sm" role="status" data-testid="import-result">
            {t('corpus.imported', { count: imported })}
          </span>
        )}
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('corpus.formats')}</p>
      {pending && <PendingImportForm pending={pending} defaultTask={importTask()} />}
      <ImportSummary rows={importSummary} />
      {exportFailed && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300" data-testid="export-failed">
          {t('corpus.exportFailed')}
        </p>
      )}
      {exportLosses && (
        <details className="mt-1 text-sm" data-testid="export-losses">
          <summary className="text-amber-800 dark:text-amber-300">{t('corpus.exportLosses', { format: t(`corpus.formatNames.${exportLosses.format}` as 'corpus.formatNames.records'), count: exportLosses.losses.length })}</summary>
          <LossList losses={exportLosses.losses} testId="export-loss-list" />
        </details>
      )}
      {progress && (
        <p role="status" className="mt-1 flex items-center gap-2 text-sm" data-testid="import-progress">
          <progress max={progress.total} value={progress.done} aria-label={progressText} />
          {progressText}
          <button type="button" className={button} onClick={progress.stop}>
            {t('corpus.importStop')}
          </button>
        </p>
      )}
      {storageProblem && (
        <div role="alert" className="mt-1 flex flex-wrap items-center gap-2 text-sm text-red-700 dark:text-red-300" data-testid="storage-problem">
          {/* On a full disk the way out is at hand: export and delete here, or try again once space is freed. */}
          {quota && documents.length === 0 ? t('storage.quotaEmpty') : storageProblem}
          {quota && documents.length > 0 && (
            <button type="button" className={button} onClick={download}>
              {t('corpus.export')}
            </button>
          )}
          {quota && documents.length > 0 && !confirmClear && (
            <button type="button" className={button} onClick={() => setConfirmClear(true)}>
              {t('corpus.deleteAll')}
            </button>
          )}
          {quota && (
            <button type="button" className={button} onClick={() => void load()}>
              {t('storage.retry')}
            </button>
          )}
        </div>
      )}
      {documents.length > 0 && (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <input
            type="search"
            className={`${button} min-w-[12rem] flex-1`}
            placeholder={t('corpus.search')}
            aria-label={t('corpus.search')}
            value={filter.query}
            onChange={(e) => setFilter({ ...filter, query: e.target.value })}
          />
          <Choice className={button} ariaLabel={t('corpus.filterTask')} value={filter.task} onChange={(v) => set({ task: v as DocumentFilter['task'] })} options={[['all', t('corpus.allTasks')], ...TASK_IDS.map((id): [string, string] => [id, id])]} />
          <Choice className={button} ariaLabel={t('corpus.filterOutput')} value={filter.output} onChange={(v) => set({ output: v as DocumentFilter['output'] })} options={anyWithWithout('output')} />
          <Choice
            className={button}
            ariaLabel={t('corpus.filterCategory')}
            value={filter.category}
            onChange={(v) => set({ category: v })}
            options={[[ANY_CATEGORY, t('corpus.anyCategory')], [NO_CATEGORY, t('corpus.noCategory')], ...categories.map((c): [string, string] => [c, c])]}
          />
          <Choice
            className={button}
            ariaLabel={t('corpus.filterReviewed')}
            value={filter.reviewed}
            onChange={(v) => set({ reviewed: v as DocumentFilter['reviewed'] })}
            options={[
              ['any', t('corpus.reviewedAny')],
              ['yes', t('corpus.reviewedYes')],
              ['no', t('corpus.reviewedNo')],
              ['flagged', t('corpus.reviewedFlagged')],
              ['skipped', t('corpus.reviewedSkipped')],
              ['commented', t('corpus.reviewedCommented')],
            ]}
          />
          <Choice className={button} ariaLabel={t('corpus.filterWarnings')} value={filter.warnings} onChange={(v) => set({ warnings: v as DocumentFilter['warnings'] })} options={anyWithWithout('warnings')} />
          <Choice
            className={button}
            ariaLabel={t('corpus.order')}
            value={order}
            onChange={(v) => setOrder(v as 'imported' | 'doubt')}
            options={[
              ['imported', t('corpus.orderImported')],
              ['doubt', t('corpus.orderDoubt')],
            ]}
          />
          <span data-testid="shown-count">{t('corpus.shown', { shown: shown.length, total: documents.length })}</span>
        </div>
      )}
      {documents.length > 0 && batch(shownIds)}
      {documents.length > 0 && (
        <div ref={scroller} className="mt-2 max-h-64 overflow-auto" data-testid="documents">
          <ul style={{ height: v.getTotalSize(), position: 'relative' }}>
            {v.getVirtualItems().map((row) => {
              const d = shown[row.index]!;
              const reasons = evidence ? doubtOf(d, evidence).reasons : [];
              return (
                <li
                  key={d.id}
                  className={`absolute inset-x-0 flex items-center gap-2 text-sm ${d.id === openId ? 'bg-indigo-50 dark:bg-indigo-950' : ''}`}
                  style={{ top: row.start, height: ROW }}
                  data-reviewed={d.reviewed === 1 || undefined}
                >
                  <button type="button" className="min-w-0 flex-1 truncate text-left hover:underline" lang="ja" onClick={() => openDocument(d.id!)} title={`${d.source}:${d.line ?? ''}`}>
                    {/* A row shows the text's start only: a 50 MB document put whole into a row froze every start. */}
                    <span className="text-xs text-slate-600 dark:text-slate-400">{d.task}</span> {preview(d.text)}
                  </button>
                  {reasons.length > 0 && (
                    <span className="shrink-0 text-xs text-amber-800 dark:text-amber-300" data-testid="doubt">
                      {reasons.map((r) => t(`corpus.doubt.${r}`)).join(' · ')}
                    </span>
                  )}
                  {d.flagged === 1 && (
                    <span className="text-xs text-amber-800 dark:text-amber-300" title={t('annotate.flagged')} data-testid="flag-mark">
                      ⚑<span className="sr-only">{t('annotate.flagged')}</span>
                    </span>
                  )}
                  {d.comment && (
                    <span className="text-xs" title={d.comment} data-testid="comment-mark">
                      💬<span className="sr-only">{t('annotate.comment')}</span>
                    </span>
                  )}
                  {d.reviewed === 1 && (
                    <span className="text-xs text-emerald-700 dark:text-emerald-400" title={t('corpus.reviewedMark')}>
                      ✓<span className="sr-only">{t('corpus.reviewedMark')}</span>
                    </span>
                  )}
                  {d.predictionError && (
                    <span className="text-xs text-red-700 dark:text-red-300" title={d.predictionError}>
                      ✕<span className="sr-only">{t('corpus.predictionFailed')}</span>
                    </span>
                  )}
                  {d.warnings > 0 && (
                    <span className="text-xs text-amber-700 dark:text-amber-300" title={t('corpus.warningMark', { count: d.warnings })}>
                      ⚠<span className="sr-only">{t('corpus.warningMark', { count: d.warnings })}</span>
                    </span>
                  )}
                  <button
                    type="button"
                    className="px-1 text-xs"
                    aria-label={t('corpus.deleteOne', { line: d.line ?? '' })}
                    onClick={() => void remove(d.id!)}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </details>
  );
}

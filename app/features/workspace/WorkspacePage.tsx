import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { TASKS, TASK_IDS, buildInput, extract, type TaskId } from '../../../src/index.ts';
import { SAMPLES } from '../../shared/samples/samples.ts';
import { useProfileStore } from '../../shared/profile/profileStore.ts';
import { ProfileEditor } from './components/ProfileEditor.tsx';
import { useInputStore } from './inputStore.ts';
import { ResultView } from './components/ResultView.tsx';
import { RunPanel } from './components/RunPanel.tsx';
import { CopyButton } from './components/CopyButton.tsx';
import { useRunStore } from './runStore.ts';
import { runEnded, type SentenceRun } from '../../shared/engine/engine.ts';

const field = 'w-full rounded border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900';
const select = 'min-w-0 max-w-full rounded border border-slate-300 bg-white p-1 dark:border-slate-700 dark:bg-slate-900';
const inlineLabel = 'flex min-w-0 max-w-full items-center gap-1 text-sm';

const SHOW_MAX = 20_000;

/** A huge input is shown by its start and end (laying out a megabyte of text freezes the page); Copy copies it all. */
function abridge(s: string, t: TFunction): string {
  if (s.length <= SHOW_MAX) return s;
  return `${s.slice(0, SHOW_MAX - 2000)}\n… ${t('input.abridged', { count: s.length - SHOW_MAX })} …\n${s.slice(-2000)}`;
}

/** The corpus document open in the editor, as the workspace is given it (the app composes the two). */
export interface OpenDocument {
  text: string;
  /** Its file and line, as the editor names it. */
  label: string;
  close(): void;
  /** Hands this workspace's run over it to the editor, as the model's suggestions. */
  suggest(): void;
}

/** Every sentence's run has ended, and some gave a result. */
const finishedWithResults = (runs: readonly SentenceRun[]) => runs.some((r) => r.extraction) && runs.every(runEnded);

/**
 * Source text + task → the exact model input; a run, or a model output pasted back → located results.
 * While a corpus document is open in the editor, the workspace is that document: its text and output are
 * the document's as it now stands (read-only here), its items are shown once, in the editor, and a run
 * over it is handed there as suggestions.
 */
export function WorkspacePage({ openDocument = null }: { openDocument?: OpenDocument | null }) {
  const { t, i18n } = useTranslation();
  const text = useInputStore((s) => s.text);
  const task = useInputStore((s) => s.task);
  const output = useInputStore((s) => s.output);
  const credit = useInputStore((s) => s.credit);
  const showInput = useInputStore((s) => s.showInput);
  const profile = useProfileStore((s) => s.profile);
  const { setText, setTask, setOutput, loadSample, toggleInput } = useInputStore.getState();

  const input = useMemo(() => buildInput(text, task, profile), [text, task, profile]);
  // Reading a pasted output over a long text can take a while: it renders in the background, so typing
  // and clicks stay responsive (React shows the previous result until the new one is ready).
  const deferredText = useDeferredValue(text);
  const deferredOutput = useDeferredValue(output);
  const pasted = useMemo(
    () => (deferredOutput.trim() === '' ? null : extract(deferredOutput, task, profile, deferredText)),
    [deferredOutput, task, profile, deferredText],
  );
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const bound = openDocument !== null;
  // A yes/no from the runs, not the runs themselves: the page (its selects, the profile editor, the pasted
  // result) is not rendered again for every streamed update, only the run panel is.
  const runOnDocument = useRunStore((s) => openDocument !== null && text === openDocument.text && finishedWithResults(s.runs));

  return (
    <div className="grid grid-cols-1 gap-4">
      <section className="grid grid-cols-1 gap-2" aria-labelledby="source-heading">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="source-heading" className="font-medium">
            {t('input.heading')}
          </h2>
          <label className={inlineLabel}>
            {t('input.sample')}
            <select className={select} value="" disabled={bound} onChange={(e) => loadSample(e.target.value)} aria-label={t('input.loadSample')}>
              <option value="">…</option>
              {SAMPLES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.id}: {s.text.trim().slice(0, 20)}…
                </option>
              ))}
            </select>
          </label>
          <label className={inlineLabel}>
            {t('input.task')}
            <select className={select} value={task} disabled={bound} onChange={(e) => setTask(e.target.value as TaskId)} aria-label={t('input.task')}>
              {TASK_IDS.map((id) => (
                <option key={id} value={id}>
                  {TASKS[id].name[lang]} · {profile.iw[id]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {openDocument && (
          <p role="status" className="flex flex-wrap items-center gap-2 rounded border border-indigo-300 p-2 text-sm dark:border-indigo-800" data-testid="workspace-bound">
            <span>{t('input.boundToDocument', { name: openDocument.label })}</span>
            <button type="button" className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700" onClick={openDocument.close}>
              {t('input.unbind')}
            </button>
          </p>
        )}
        <textarea id="source-text" className={field} rows={4} value={text} readOnly={bound} onChange={(e) => setText(e.target.value)} aria-label={t('input.source')} lang="ja" />
        {credit && (
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="credit">
            {credit}
          </p>
        )}
        <ProfileEditor task={task} />
        <div className="flex items-center gap-2 text-sm">
          <button type="button" className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700" aria-expanded={showInput} onClick={toggleInput}>
            {showInput ? t('input.hideInput') : t('input.showInput')}
          </button>
          {showInput && <CopyButton text={input} />}
        </div>
        {showInput && (
          <pre className={`${field} whitespace-pre-wrap break-all`} data-testid="model-input" aria-label={t('input.modelInput')}>
            {abridge(input, t)}
          </pre>
        )}
      </section>

      <RunPanel />
      {openDocument && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <button type="button" className="rounded border border-indigo-600 px-2 py-0.5 disabled:opacity-40" disabled={!runOnDocument} onClick={openDocument.suggest} data-testid="suggest-from-run">
            {t('input.suggestFromRun')}
          </button>
          <span className="text-xs text-slate-600 dark:text-slate-400">{t('input.suggestFromRunHint')}</span>
        </div>
      )}

      <section className="grid gap-1" aria-labelledby="output-heading">
        <h2 id="output-heading" className="font-medium">
          {t('input.outputHeading')} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({t('input.outputHint')})</span>
        </h2>
        <textarea className={field} rows={2} value={output} readOnly={bound} onChange={(e) => setOutput(e.target.value)} aria-label={t('input.output')} lang="ja" />
      </section>

      {/* The open document's items are shown once: in the editor. */}
      {pasted && !bound && <ResultView text={deferredText} extraction={pasted} />}
    </div>
  );
}

import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_EXAMPLES } from '../../../../src/index.ts';
import { runEnded, type SentenceRun } from '../../../shared/engine/engine.ts';
import { useEngine } from '../../../shared/engine/useEngine.ts';
import { CommandButton } from '../../../shared/commands/CommandButton.tsx';
import { useRunStore } from '../runStore.ts';
import { resultsJson } from '../runActions.ts';
import { useWorkspaceCommandState, workspaceCommands } from '../workspaceCommands.ts';

const commands = new Map(workspaceCommands().map((c) => [c.id, c]));
import { ResultView } from './ResultView.tsx';
import { CopyButton } from './CopyButton.tsx';

const button = 'rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-40 dark:border-slate-700';

const itemCount = (r: SentenceRun) => (r.extraction ? r.extraction.entities.length + r.extraction.relations.length + r.extraction.events.length : 0);

/** Counts per category over the document's sentences. */
function Summary({ runs }: { runs: SentenceRun[] }) {
  const { t } = useTranslation();
  const counts = new Map<string, number>();
  for (const r of runs) if (r.extraction?.category) counts.set(r.extraction.category, (counts.get(r.extraction.category) ?? 0) + 1);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="document-summary">
      <span className="font-medium">{t('result.summary')}:</span>
      <span>{t('result.summaryCounts', { sentences: runs.length, items: runs.reduce((n, r) => n + itemCount(r), 0) })}</span>
      {[...counts].map(([c, n]) => (
        <span key={c} className="rounded-full bg-indigo-700 px-2 text-white" data-category={c}>
          {c} {n}
        </span>
      ))}
      <CopyButton text={resultsJson} label={t('result.copyJson')} />
    </div>
  );
}

/**
 * The run's controls and its results. Only the parts that show the runs subscribe to them, so a streamed
 * update renders the progress, the summary and the one sentence that changed, not the controls.
 */
export function RunPanel() {
  const { t } = useTranslation();
  const state = useWorkspaceCommandState();
  const { status } = state;
  const model = useEngine((s) => s.model);
  const grammar = useRunStore((s) => s.grammar);
  const constrainArgs = useRunStore((s) => s.constrainArgs);
  const examples = useRunStore((s) => s.examples);
  const hasRuns = useRunStore((s) => s.runs.length > 0);
  const { setGrammar, setConstrainArgs, setExamples } = useRunStore.getState();
  return (
    <section className="grid gap-2" aria-labelledby="run-heading">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="run-heading" className="font-medium">
          {t('run.heading')}
        </h2>
        <CommandButton command={commands.get('run')!} state={state} className={button} label={t('run.run')} />
        <CommandButton command={commands.get('stop')!} state={state} className={button} label={t('run.stop')} />
        <label className="text-sm">
          <input type="checkbox" checked={grammar} onChange={(e) => setGrammar(e.target.checked)} /> {t('run.grammar')}
        </label>
        <label className="text-sm">
          <input type="checkbox" checked={constrainArgs} disabled={!grammar} onChange={(e) => setConstrainArgs(e.target.checked)} /> {t('run.constrainArgs')}
        </label>
        {model?.mode === 'prompted' && (
          <label className="text-sm">
            {t('run.examples')}{' '}
            <select value={examples} onChange={(e) => setExamples(Number(e.target.value))} className="rounded border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900">
              {Array.from({ length: MAX_EXAMPLES + 1 }, (_, k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        )}
        <RunProgress />
      </div>
      {status !== 'ready' && status !== 'generating' && !hasRuns && <p className="text-xs text-slate-600 dark:text-slate-400">{t('run.needModel')}</p>}
      <RunResults />
    </section>
  );
}

/** Subscribed to the two counts, not the runs: a streamed update that ends no sentence does not render it. */
function RunProgress() {
  const { t } = useTranslation();
  const total = useRunStore((s) => s.runs.length);
  const done = useRunStore((s) => s.runs.filter(runEnded).length);
  if (total === 0) return null;
  return (
    <span className="text-sm tabular-nums" role="status" data-testid="run-progress">
      {t('run.progress', { done, total })}
    </span>
  );
}

function RunResults() {
  const runs = useRunStore((s) => s.runs);
  return (
    <>
      {runs.length > 0 && <Summary runs={runs} />}
      <ol className="grid gap-3" data-testid="sentence-runs">
        {runs.map((r) => (
          <SentenceRow key={r.index} run={r} />
        ))}
      </ol>
    </>
  );
}

/**
 * Rows off screen skip layout and paint, so while one sentence streams the others are not laid out again;
 * not a row with arcs, which are measured from the laid-out text (as ResultView keeps its lines).
 */
const skippable = (r: SentenceRun) => !r.extraction || (r.extraction.relations.length === 0 && r.extraction.events.length === 0);

const f = (n: number | null) => (n === null ? '?' : n.toFixed(1));

/** One sentence's run; memoised, since the engine hands unchanged sentences back as the same objects. */
const SentenceRow = memo(function SentenceRow({ run: r }: { run: SentenceRun }) {
  const { t } = useTranslation();
  return (
    <li className={`grid gap-1 rounded border border-slate-200 p-2 dark:border-slate-800 ${skippable(r) ? '[contain-intrinsic-size:auto_7rem] [content-visibility:auto]' : ''}`} data-status={r.status}>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t('run.sentence', { n: r.index + 1 })}: {t(`run.status.${r.status}`)}
        {r.ms !== null && ` · ${(r.ms / 1000).toFixed(1)} s`}
      </p>
      {r.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {r.error}
        </p>
      )}
      {r.extraction ? <ResultView text={r.sentence.text} extraction={r.extraction} /> : <p lang="ja">{r.sentence.text}</p>}
      <details className="text-xs">
        <summary>{t('run.details')}</summary>
        <pre className="whitespace-pre-wrap" data-testid="run-prompt">
          {r.messages.map((m) => `[${m.role}]\n${m.content}`).join('\n\n')}
        </pre>
        <pre className="whitespace-pre-wrap" data-testid="run-raw">
          {r.raw}
        </pre>
        <CopyButton text={r.raw} label={t('run.copyOutput')} />
        {r.usage && (
          <p>
            {t('run.usage', { prompt: r.usage.promptTokens, output: r.usage.completionTokens, prefill: f(r.usage.prefillTokensPerS), decode: f(r.usage.decodeTokensPerS), ttft: r.usage.timeToFirstTokenS?.toFixed(2) ?? '?' })}
          </p>
        )}
      </details>
    </li>
  );
});

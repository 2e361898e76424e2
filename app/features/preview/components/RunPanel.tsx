import { DEFAULT_PROFILE, MAX_EXAMPLES, type TaskId } from '../../../../src/index.ts';
import { engine, type SentenceRun } from '../../../shared/engine/engine.ts';
import { useEngine } from '../../models/useEngine.ts';
import { useRunStore } from '../runStore.ts';
import { ResultView } from './ResultView.tsx';

const button = 'rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-40 dark:border-slate-700';

const STATUS: Record<SentenceRun['status'], string> = { waiting: 'waiting', running: 'running…', done: 'done', stopped: 'stopped', failed: 'failed' };

export function RunPanel({ text, task }: { text: string; task: TaskId }) {
  const status = useEngine((s) => s.status);
  const model = useEngine((s) => s.model);
  const { runs, grammar, constrainArgs, examples, setRuns, setGrammar, setConstrainArgs, setExamples } = useRunStore();

  const run = async () => {
    setRuns([]);
    await engine.run(
      text,
      { task, profile: DEFAULT_PROFILE, examples, grammar: grammar ? { spans: 'substring', tupleArgs: constrainArgs ? 'substring' : 'free' } : null, maxTokens: 256 },
      setRuns,
    );
  };

  const done = runs.filter((r) => r.status === 'done' || r.status === 'failed' || r.status === 'stopped').length;
  return (
    <section className="grid gap-2" aria-labelledby="run-heading">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="run-heading" className="font-medium">
          実行 <span className="text-slate-500">Run</span>
        </h2>
        <button type="button" className={button} disabled={status !== 'ready' || text.trim() === ''} onClick={() => void run()}>
          Run
        </button>
        <button type="button" className={button} disabled={status !== 'generating'} onClick={() => engine.stop()}>
          Stop
        </button>
        <label className="text-sm">
          <input type="checkbox" checked={grammar} onChange={(e) => setGrammar(e.target.checked)} /> Constrained decoding
        </label>
        <label className="text-sm">
          <input type="checkbox" checked={constrainArgs} disabled={!grammar} onChange={(e) => setConstrainArgs(e.target.checked)} /> RE/EE arguments from the sentence only
        </label>
        {model?.mode === 'prompted' && (
          <label className="text-sm">
            Examples{' '}
            <select value={examples} onChange={(e) => setExamples(Number(e.target.value))} aria-label="Worked examples" className="rounded border border-slate-300 bg-transparent dark:border-slate-700">
              {Array.from({ length: MAX_EXAMPLES + 1 }, (_, k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        )}
        {runs.length > 0 && (
          <span className="text-sm tabular-nums" data-testid="run-progress">
            {done} / {runs.length} sentences
          </span>
        )}
      </div>
      {status !== 'ready' && status !== 'generating' && <p className="text-xs text-slate-500">Load a model above to run it on the text, or paste a model output below.</p>}
      <ol className="grid gap-3" data-testid="sentence-runs">
        {runs.map((r) => (
          <li key={r.index} className="grid gap-1 rounded border border-slate-200 p-2 dark:border-slate-800" data-status={r.status}>
            <p className="text-xs text-slate-500">
              Sentence {r.index + 1}: {STATUS[r.status]}
              {r.ms !== null && ` · ${(r.ms / 1000).toFixed(1)} s`}
            </p>
            {r.error && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-300">
                {r.error}
              </p>
            )}
            {r.extraction ? <ResultView text={r.sentence.text} extraction={r.extraction} /> : <p lang="ja">{r.sentence.text}</p>}
            <details className="text-xs">
              <summary>Prompt, raw output and timings</summary>
              <pre className="whitespace-pre-wrap" data-testid="run-prompt">{r.messages.map((m) => `[${m.role}]\n${m.content}`).join('\n\n')}</pre>
              <pre className="whitespace-pre-wrap" data-testid="run-raw">{r.raw}</pre>
              <button type="button" className={button} onClick={() => void navigator.clipboard?.writeText(r.raw)}>
                Copy output
              </button>
              {r.usage && (
                <p>
                  {r.usage.promptTokens} prompt + {r.usage.completionTokens} output tokens · prefill {r.usage.prefillTokensPerS?.toFixed(1) ?? '?'} tok/s · decode{' '}
                  {r.usage.decodeTokensPerS?.toFixed(1) ?? '?'} tok/s · first token {r.usage.timeToFirstTokenS?.toFixed(2) ?? '?'} s
                </p>
              )}
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

import { useMemo } from 'react';
import { DEFAULT_PROFILE, TASKS, TASK_IDS, buildInput, extract, type TaskId } from '../../../src/index.ts';
import { SAMPLES } from '../../shared/samples/samples.ts';
import { usePreviewStore } from './store.ts';
import { ResultView } from './components/ResultView.tsx';
import { RunPanel } from './components/RunPanel.tsx';

const field = 'w-full rounded border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900';

/** Source text + task → the exact model input; a model output pasted back → the located result. */
export function PreviewPage() {
  const text = usePreviewStore((s) => s.text);
  const task = usePreviewStore((s) => s.task);
  const output = usePreviewStore((s) => s.output);
  const credit = usePreviewStore((s) => s.credit);
  const { setText, setTask, setOutput, loadSample } = usePreviewStore.getState();

  const input = useMemo(() => buildInput(text, task, DEFAULT_PROFILE), [text, task]);
  const extraction = useMemo(() => (output.trim() === '' ? null : extract(output, task, DEFAULT_PROFILE, text)), [output, task, text]);

  return (
    <div className="grid gap-4">
      <section className="grid gap-2" aria-labelledby="source-heading">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="source-heading" className="font-medium">
            テキスト <span className="text-slate-500">Text</span>
          </h2>
          <label className="text-sm">
            サンプル Sample{' '}
            <select className="rounded border border-slate-300 bg-transparent p-1 dark:border-slate-700" value="" onChange={(e) => loadSample(e.target.value)} aria-label="Load a sample">
              <option value="">…</option>
              {SAMPLES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.id}: {s.text.slice(0, 24)}…
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            タスク Task{' '}
            <select className="rounded border border-slate-300 bg-transparent p-1 dark:border-slate-700" value={task} onChange={(e) => setTask(e.target.value as TaskId)} aria-label="Task">
              {TASK_IDS.map((id) => (
                <option key={id} value={id}>
                  {TASKS[id].name.ja} · {TASKS[id].name.en}
                </option>
              ))}
            </select>
          </label>
        </div>
        <textarea className={field} rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-label="Source text" lang="ja" />
        {credit && <p className="text-xs text-slate-500" data-testid="credit">{credit}</p>}
      </section>

      <section className="grid gap-1" aria-labelledby="input-heading">
        <h2 id="input-heading" className="font-medium">
          モデル入力 <span className="text-slate-500">Model input</span>
        </h2>
        <pre className={`${field} whitespace-pre-wrap`} data-testid="model-input">
          {input}
        </pre>
      </section>

      <RunPanel text={text} task={task} />

      <section className="grid gap-1" aria-labelledby="output-heading">
        <h2 id="output-heading" className="font-medium">
          モデル出力 <span className="text-slate-500">Model output (paste one to read it)</span>
        </h2>
        <textarea className={field} rows={2} value={output} onChange={(e) => setOutput(e.target.value)} aria-label="Model output" lang="ja" />
      </section>

      {extraction && <ResultView text={text} extraction={extraction} />}
    </div>
  );
}

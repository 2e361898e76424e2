import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { engine } from '../../shared/engine/engine.ts';
import type { TaskId } from '../../../src/index.ts';
import { batchRate } from '../../../src/corpus/batch.ts';
import type { RunOptions } from '../../shared/engine/engine.ts';
import { useCorpusStore } from '../../shared/corpus/corpusStore.ts';
import { useStorageMessage } from '../../shared/storage/useStorageMessage.ts';
import { formatDuration } from '../../shared/formatDuration.ts';

const button = 'rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-40 dark:border-slate-700';


/** Pre-annotates documents with the loaded model: progress with rate and ETA, pause, resume (after a reload too) and cancel. */
export function BatchPanel({ ids, optionsFor }: { ids: number[]; optionsFor: (task: TaskId) => RunOptions }) {
  const { t } = useTranslation();
  const job = useCorpusStore((s) => s.job);
  const active = useCorpusStore((s) => s.batchActive);
  const doneHere = useCorpusStore((s) => s.doneHere);
  const since = useCorpusStore((s) => s.since);
  const batchProblem = useCorpusStore((s) => s.batchProblem);
  const own = batchProblem?.code === 'notLoaded' || batchProblem?.code === 'elsewhere';
  const storageMessage = useStorageMessage(own ? null : (batchProblem as Exclude<typeof batchProblem, { code: 'notLoaded' | 'elsewhere' }>));
  const problem = own ? t(`batch.${batchProblem.code}`) : storageMessage;
  const finished = useCorpusStore((s) => s.batchFinished);
  const ready = useStore(engine.store, (s) => s.status === 'ready');
  const { loadBatch: load, startBatch, pauseBatch: pause, resumeBatch, cancelBatch: cancel } = useCorpusStore.getState();
  const start = (ids: number[]) => startBatch(ids, optionsFor);
  const resume = () => resumeBatch(optionsFor);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  const { rate, etaS } = batchRate({ job, doneHere, since }, now);

  return (
    <div className="mt-2 grid gap-1 rounded border border-slate-200 p-2 text-sm dark:border-slate-800" data-testid="batch">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t('batch.heading')}</span>
        {!job && (
          <button type="button" className={button} disabled={!ready || ids.length === 0} onClick={() => void start(ids)}>
            {t('batch.start', { count: ids.length })}
          </button>
        )}
        {job && active && (
          <button type="button" className={button} onClick={pause}>
            {t('batch.pause')}
          </button>
        )}
        {job && !active && (
          <button type="button" className={button} disabled={!ready} onClick={() => void resume()}>
            {t('batch.resume')}
          </button>
        )}
        {job && (
          <button type="button" className={button} onClick={() => void cancel()}>
            {t('batch.cancel')}
          </button>
        )}
        {!ready && !job && <span className="text-xs text-slate-600 dark:text-slate-400">{t('batch.needModel')}</span>}
      </div>
      {job && (
        <div className="grid gap-1">
          <progress className="w-full" max={job.ids.length} value={job.next} aria-label={t('batch.progress')} />
          <p data-testid="batch-progress" role="status">
            {t('batch.done', { done: job.next, total: job.ids.length })}
            {job.failed > 0 && ` · ${t('batch.failed', { count: job.failed })}`}
            {rate !== null && ` · ${t('batch.rate', { rate: rate.toFixed(2) })}`}
            {etaS !== null && active && ` · ${t('batch.eta', { time: formatDuration(etaS) })}`}
            {!active && ` · ${t('batch.paused')}`}
          </p>
        </div>
      )}
      {finished && (
        <p role="status" data-testid="batch-finished">
          {t('batch.finished', { done: finished.done })}
          {finished.failed > 0 && ` · ${t('batch.failed', { count: finished.failed })}`}
        </p>
      )}
      {problem && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
    </div>
  );
}

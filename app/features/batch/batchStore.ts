import { create } from 'zustand';
import { mergeSentences } from '../../../src/index.ts';
import { engine, type SentenceRun } from '../../shared/engine/engine.ts';
import { corpusDb, storageError, summaryOf, type StoredBatch, type StoredDocument } from '../../shared/storage/corpusDb.ts';
import { useCorpusStore } from '../corpus/corpusStore.ts';
import { runOptions } from '../workspace/runActions.ts';

interface BatchState {
  /** The stored job: present from start to finish, and across reloads. */
  job: StoredBatch | null;
  /** Whether this tab is running it now. */
  active: boolean;
  /** Documents finished since this tab started (or resumed) the job, and when that was: for the rate and ETA. */
  doneHere: number;
  since: number;
  problem: string | null;
  finished: { done: number; failed: number } | null;
  load(): Promise<void>;
  start(ids: number[]): Promise<void>;
  pause(): void;
  resume(): Promise<void>;
  cancel(): Promise<void>;
}

/** What a finished engine run means for the document: a prediction, or the reason there is none. */
export function outcomeOf(runs: readonly SentenceRun[]): { stopped: true } | { stopped: false; patch: Partial<StoredDocument> } {
  if (runs.some((r) => r.status === 'stopped')) return { stopped: true };
  const done = runs.filter((r) => r.status === 'done' && r.extraction);
  const failed = runs.find((r) => r.status === 'failed');
  if (failed && done.length === 0) return { stopped: false, patch: { predictionError: failed.error ?? 'The model failed on this document.' } };
  const extraction = mergeSentences(done.map((r) => ({ start: r.sentence.start, extraction: r.extraction! })));
  if (!extraction) return { stopped: false, patch: { predictionError: 'The document has no text to run on.' } };
  const model = engine.store.getState().model?.id ?? '';
  return {
    stopped: false,
    patch: { prediction: { model, raw: runs.map((r) => r.raw).join('\n'), extraction, at: Date.now() }, predictionError: failed ? `Some sentences failed: ${failed.error}` : null },
  };
}

const untilNotGenerating = () =>
  new Promise<void>((done) => {
    if (engine.store.getState().status !== 'generating') return done();
    const stop = engine.store.subscribe((s) => {
      if (s.status === 'generating') return;
      stop();
      done();
    });
  });

export const useBatchStore = create<BatchState>((set, get) => {
  let pauseRequested = false;
  // Set by cancel, so a document that finishes while cancelling writes no job back.
  let cancelled = false;

  /** Runs documents one by one from `job.next`; each result and the new position are saved together. */
  const loop = async () => {
    pauseRequested = false;
    cancelled = false;
    set({ active: true, doneHere: 0, since: performance.now(), problem: null, finished: null });
    try {
      for (;;) {
        const job = get().job;
        if (!job) return;
        if (pauseRequested) break;
        if (job.next >= job.ids.length) {
          await corpusDb.batches.delete('batch');
          set({ job: null, finished: { done: job.ids.length - job.failed, failed: job.failed } });
          return;
        }
        // A run the user started in the workspace finishes first: the engine runs one thing at a time.
        await untilNotGenerating();
        if (engine.store.getState().status !== 'ready') {
          set({ problem: 'The model is not loaded: load it, then resume.' });
          break;
        }
        const id = job.ids[job.next]!;
        const doc = useCorpusStore.getState().documents.find((d) => d.id === id);
        let patch: Partial<StoredDocument> | null = null;
        if (doc) {
          let outcome: ReturnType<typeof outcomeOf>;
          try {
            const runs = await engine.run(doc.text, runOptions(doc.task), () => {});
            outcome = outcomeOf(runs);
          } catch (e) {
            // One document's failure does not stop the batch.
            outcome = { stopped: false, patch: { predictionError: (e as Error).message } };
          }
          // Paused mid-document: it stays next, to run again on resume.
          if (outcome.stopped) break;
          patch = outcome.patch;
          // A document nobody annotated shows its prediction, so its summary follows it.
          if (!doc.annotation && !doc.output && patch.prediction) Object.assign(patch, summaryOf(patch.prediction.extraction));
        }
        if (cancelled) break;
        const nextJob: StoredBatch = { ...job, next: job.next + 1, failed: job.failed + (patch?.predictionError && !patch.prediction ? 1 : 0) };
        try {
          await corpusDb.transaction('rw', corpusDb.documents, corpusDb.batches, async () => {
            if (patch) await corpusDb.documents.update(id, patch);
            await corpusDb.batches.put(nextJob);
          });
        } catch (e) {
          set({ problem: storageError(e).message });
          break;
        }
        if (patch) useCorpusStore.getState().patchInMemory(id, patch);
        set((s) => ({ job: nextJob, doneHere: s.doneHere + 1 }));
      }
      const job = get().job;
      if (job && !cancelled) {
        const paused: StoredBatch = { ...job, status: 'paused' };
        await corpusDb.batches.put(paused);
        set({ job: paused });
      }
    } finally {
      set({ active: false });
    }
  };

  return {
    job: null,
    active: false,
    doneHere: 0,
    since: 0,
    problem: null,
    finished: null,
    load: async () => {
      try {
        const job = (await corpusDb.batches.get('batch')) ?? null;
        // A job found on load was interrupted (a reload, a crash): it waits for the user to resume.
        set({ job: job && { ...job, status: 'paused' } });
      } catch (e) {
        set({ problem: storageError(e).message });
      }
    },
    start: async (ids) => {
      if (get().active || ids.length === 0) return;
      const job: StoredBatch = { id: 'batch', ids, next: 0, model: engine.store.getState().model?.id ?? '', status: 'running', failed: 0, startedAt: Date.now() };
      try {
        await corpusDb.batches.put(job);
      } catch (e) {
        return set({ problem: storageError(e).message });
      }
      set({ job });
      await loop();
    },
    pause: () => {
      pauseRequested = true;
      if (engine.store.getState().status === 'generating') engine.stop();
    },
    resume: async () => {
      const job = get().job;
      if (!job || get().active) return;
      const running: StoredBatch = { ...job, status: 'running' };
      await corpusDb.batches.put(running);
      set({ job: running });
      await loop();
    },
    cancel: async () => {
      cancelled = true;
      get().pause();
      set({ job: null, problem: null });
      await corpusDb.batches.delete('batch');
    },
  };
});

/** Documents per second since this tab started the job, and the seconds left at that rate. */
export function batchRate(s: Pick<BatchState, 'job' | 'doneHere' | 'since'>, now = performance.now()): { rate: number | null; etaS: number | null } {
  const elapsed = (now - s.since) / 1000;
  if (!s.job || s.doneHere === 0 || elapsed <= 0) return { rate: null, etaS: null };
  const rate = s.doneHere / elapsed;
  return { rate, etaS: (s.job.ids.length - s.job.next) / rate };
}

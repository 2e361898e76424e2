import { BackendGone } from '../../../src/engine/watchdog.ts';
import type { StateCreator } from 'zustand';
import type { TaskId } from '../../../src/index.ts';
import { advanceJob, batchOutcome, type BatchOutcome } from '../../../src/corpus/batch.ts';
import { withPatches, type BatchJob, type CorpusDocument } from '../../../src/corpus/document.ts';
import { engine, type RunOptions } from '../engine/engine.ts';
import { useProfileStore } from '../profile/profileStore.ts';
import { corpusRepository, storageError } from '../storage/corpusRepository.ts';
import type { BatchSlice, CorpusState } from './types.ts';

const untilNotGenerating = () =>
  new Promise<void>((done) => {
    if (engine.store.getState().status !== 'generating') return done();
    const stop = engine.store.subscribe((s) => {
      if (s.status === 'generating') return;
      stop();
      done();
    });
  });

/** The Web Lock the tab running the batch holds. */
const BATCH_LOCK = 'giellm-batch';

export const createBatchSlice: StateCreator<CorpusState, [], [], BatchSlice> = (set, get) => {
  let pauseRequested = false;
  // Set by cancel, so a document that finishes while cancelling writes no job back.
  let cancelled = false;

  /** Runs documents from `job.next`, as many at once as the engine takes; results and the new position are saved together. */
  const loop = async (optionsFor: (task: TaskId) => RunOptions) => {
    pauseRequested = false;
    cancelled = false;
    set({ batchActive: true, doneHere: 0, since: performance.now(), batchProblem: null, batchFinished: null });
    try {
      for (;;) {
        const job = get().job;
        if (!job) return;
        if (pauseRequested) break;
        if (job.next >= job.ids.length) {
          await corpusRepository.deleteBatch();
          set({ job: null, batchFinished: { done: job.ids.length - job.failed, failed: job.failed } });
          return;
        }
        // A run the user started in the workspace finishes first: the engine runs one thing at a time.
        await untilNotGenerating();
        if (engine.store.getState().status !== 'ready') {
          set({ batchProblem: { code: 'notLoaded' } });
          break;
        }
        // As many documents at once as the engine takes (a server's parallel slots; one for WebLLM).
        const ids = job.ids.slice(job.next, job.next + engine.concurrency);
        const docs = ids.map((id) => get().documents.find((d) => d.id === id) ?? null);
        const present = docs.flatMap((d, k) => (d ? [{ d, k }] : []));
        const outcomes: (BatchOutcome | null)[] = docs.map(() => null);
        try {
          const model = engine.store.getState().model?.id ?? '';
          await engine.runMany(
            present.map(({ d }) => ({ text: d.text, opts: optionsFor(d.task) })),
            (i, runs) => void (outcomes[present[i]!.k] = batchOutcome(runs, model, Date.now())),
          );
        } catch (e) {
          // The engine went (crashed, stalled, restarted by Stop): the documents it cut short are not
          // failed, they run again on resume; the batch pauses, and the model panel says why.
          if (e instanceof BackendGone) {
            set({ batchProblem: { code: 'notLoaded' } });
          } else {
            // One failure does not stop the batch: the documents it hit record it.
            for (const { k } of present) outcomes[k] ??= { stopped: false, patch: { predictionError: (e as Error).message } };
          }
        }
        if (cancelled) break;
        // Saved in order up to the first document a pause stopped: that one and those after it run again on resume.
        let done = 0;
        let nextJob = job;
        const steps: { doc: CorpusDocument; patch: Partial<CorpusDocument> }[] = [];
        for (let k = 0; k < ids.length; k++) {
          const o = outcomes[k];
          if (docs[k] && (!o || o.stopped)) break;
          const patch = o && !o.stopped ? o.patch : null;
          if (docs[k] && patch) steps.push({ doc: docs[k]!, patch });
          nextJob = advanceJob(nextJob, patch);
          done++;
        }
        let written: Map<number, Partial<CorpusDocument>>;
        try {
          written = await corpusRepository.batchStep(steps, nextJob, useProfileStore.getState().profile);
        } catch (e) {
          set({ batchProblem: storageError(e).problem });
          break;
        }
        set((s) => ({
          job: nextJob,
          doneHere: s.doneHere + done,
          documents: withPatches(s.documents, written),
        }));
        if (done < ids.length) break;
      }
      const job = get().job;
      if (job && !cancelled) {
        const paused: BatchJob = { ...job, status: 'paused' };
        await corpusRepository.putBatch(paused);
        set({ job: paused });
      }
    } catch (e) {
      set({ batchProblem: storageError(e).problem });
    } finally {
      set({ batchActive: false });
    }
  };

  /**
   * Runs `run` as the batch's one owner: a Web Lock held for the run, so two tabs pressing Resume on the
   * stored job never run its documents twice; a tab that finds it held says the batch runs elsewhere.
   */
  const owned = async (run: () => Promise<void>) => {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return run();
    await locks.request(BATCH_LOCK, { ifAvailable: true }, async (lock) => {
      if (!lock) return void set({ batchProblem: { code: 'elsewhere' } });
      await run();
    });
  };
  const heldElsewhere = async () => {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks || get().batchActive) return false;
    return ((await locks.query()).held ?? []).some((l) => l.name === BATCH_LOCK);
  };

  return {
    job: null,
    batchActive: false,
    doneHere: 0,
    since: 0,
    batchProblem: null,
    batchFinished: null,
    loadBatch: async () => {
      try {
        const job = await corpusRepository.getBatch();
        // A job found on load was interrupted (a reload, a crash) and waits for the user to resume, unless
        // another tab is running it.
        const elsewhere = job !== null && (await heldElsewhere());
        set({ job: job && { ...job, status: elsewhere ? 'running' : 'paused' }, ...(elsewhere ? { batchProblem: { code: 'elsewhere' as const } } : get().batchProblem?.code === 'elsewhere' ? { batchProblem: null } : {}) });
      } catch (e) {
        set({ batchProblem: storageError(e).problem });
      }
    },
    startBatch: async (ids, optionsFor) => {
      if (get().batchActive || ids.length === 0) return;
      await owned(async () => {
        const job: BatchJob = { id: 'batch', ids, next: 0, model: engine.store.getState().model?.id ?? '', status: 'running', failed: 0, startedAt: Date.now() };
        try {
          await corpusRepository.putBatch(job);
        } catch (e) {
          return set({ batchProblem: storageError(e).problem });
        }
        set({ job });
        await loop(optionsFor);
      });
    },
    pauseBatch: () => {
      pauseRequested = true;
      if (engine.store.getState().status === 'generating') engine.stop();
    },
    resumeBatch: async (optionsFor) => {
      if (!get().job || get().batchActive) return;
      await owned(async () => {
        // Read again under the lock: the tab that held it may have moved the job on, or finished it.
        const stored = await corpusRepository.getBatch().catch(() => get().job);
        if (!stored) return set({ job: null });
        const running: BatchJob = { ...stored, status: 'running' };
        try {
          await corpusRepository.putBatch(running);
        } catch (e) {
          return set({ batchProblem: storageError(e).problem });
        }
        set({ job: running });
        await loop(optionsFor);
      });
    },
    cancelBatch: async () => {
      cancelled = true;
      get().pauseBatch();
      set({ job: null, batchProblem: null });
      try {
        await corpusRepository.deleteBatch();
      } catch (e) {
        set({ batchProblem: storageError(e).problem });
      }
    },
  };
};

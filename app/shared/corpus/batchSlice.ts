import type { StateCreator } from 'zustand';
import type { TaskId } from '../../../src/index.ts';
import { advanceJob, batchOutcome, type BatchOutcome } from '../../../src/corpus/batch.ts';
import type { BatchJob, CorpusDocument } from '../../../src/corpus/document.ts';
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

export const createBatchSlice: StateCreator<CorpusState, [], [], BatchSlice> = (set, get) => {
  let pauseRequested = false;
  // Set by cancel, so a document that finishes while cancelling writes no job back.
  let cancelled = false;

  /** Runs documents one by one from `job.next`; each result and the new position are saved together. */
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
        const id = job.ids[job.next]!;
        const doc = get().documents.find((d) => d.id === id) ?? null;
        let patch: Partial<CorpusDocument> | null = null;
        if (doc) {
          let outcome: BatchOutcome;
          try {
            const runs = await engine.run(doc.text, optionsFor(doc.task), () => {});
            outcome = batchOutcome(runs, engine.store.getState().model?.id ?? '', Date.now());
          } catch (e) {
            // One document's failure does not stop the batch.
            outcome = { stopped: false, patch: { predictionError: (e as Error).message } };
          }
          // Paused mid-document: it stays next, to run again on resume.
          if (outcome.stopped) break;
          patch = outcome.patch;
        }
        if (cancelled) break;
        const nextJob = advanceJob(job, patch);
        let written: Partial<CorpusDocument> | null;
        try {
          written = await corpusRepository.batchStep(doc, patch, nextJob, useProfileStore.getState().profile);
        } catch (e) {
          set({ batchProblem: storageError(e).problem });
          break;
        }
        set((s) => ({
          job: nextJob,
          doneHere: s.doneHere + 1,
          documents: written ? s.documents.map((d) => (d.id === id ? { ...d, ...written } : d)) : s.documents,
        }));
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
        // A job found on load was interrupted (a reload, a crash): it waits for the user to resume.
        set({ job: job && { ...job, status: 'paused' } });
      } catch (e) {
        set({ batchProblem: storageError(e).problem });
      }
    },
    startBatch: async (ids, optionsFor) => {
      if (get().batchActive || ids.length === 0) return;
      const job: BatchJob = { id: 'batch', ids, next: 0, model: engine.store.getState().model?.id ?? '', status: 'running', failed: 0, startedAt: Date.now() };
      try {
        await corpusRepository.putBatch(job);
      } catch (e) {
        return set({ batchProblem: storageError(e).problem });
      }
      set({ job });
      await loop(optionsFor);
    },
    pauseBatch: () => {
      pauseRequested = true;
      if (engine.store.getState().status === 'generating') engine.stop();
    },
    resumeBatch: async (optionsFor) => {
      const job = get().job;
      if (!job || get().batchActive) return;
      const running: BatchJob = { ...job, status: 'running' };
      try {
        await corpusRepository.putBatch(running);
      } catch (e) {
        return set({ batchProblem: storageError(e).problem });
      }
      set({ job: running });
      await loop(optionsFor);
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

import type { LocatedExtraction } from '../domain/types.ts';
import { mergeSentences } from '../align/shiftOffsets.ts';
import type { BatchJob, CorpusDocument } from './document.ts';

/** What a batch needs to know of one sentence's run. */
export interface SentenceOutcome {
  status: 'waiting' | 'running' | 'done' | 'failed' | 'stopped';
  sentence: { start: number };
  raw: string;
  extraction: LocatedExtraction | null;
  error: string | null;
}

/** What a finished run of one document means for it: a prediction, or the reason there is none; or that it was stopped. */
export type BatchOutcome = { stopped: true } | { stopped: false; patch: Partial<CorpusDocument> };

/** Applies a batch run's sentences to a document: one prediction with document offsets, and what failed. */
export function batchOutcome(runs: readonly SentenceOutcome[], model: string, at: number): BatchOutcome {
  if (runs.some((r) => r.status === 'stopped')) return { stopped: true };
  const done = runs.filter((r) => r.status === 'done' && r.extraction);
  const failed = runs.find((r) => r.status === 'failed');
  if (failed && done.length === 0) return { stopped: false, patch: { predictionError: failed.error ?? 'The model failed on this document.' } };
  const extraction = mergeSentences(done.map((r) => ({ start: r.sentence.start, extraction: r.extraction! })));
  if (!extraction) return { stopped: false, patch: { predictionError: 'The document has no text to run on.' } };
  return {
    stopped: false,
    patch: { prediction: { model, raw: runs.map((r) => r.raw).join('\n'), extraction, at }, predictionError: failed ? `Some sentences failed: ${failed.error}` : null },
  };
}

/** The job after one more document, counting it as failed when it got no prediction. */
export const advanceJob = (job: BatchJob, patch: Partial<CorpusDocument> | null): BatchJob => ({
  ...job,
  next: job.next + 1,
  failed: job.failed + (patch?.predictionError && !patch.prediction ? 1 : 0),
});

/** Documents per second since this tab started the job, and the seconds left at that rate. */
export function batchRate(s: { job: BatchJob | null; doneHere: number; since: number }, now: number): { rate: number | null; etaS: number | null } {
  const elapsed = (now - s.since) / 1000;
  if (!s.job || s.doneHere === 0 || elapsed <= 0) return { rate: null, etaS: null };
  const rate = s.doneHere / elapsed;
  return { rate, etaS: (s.job.ids.length - s.job.next) / rate };
}

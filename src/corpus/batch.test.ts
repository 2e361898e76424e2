import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE as P, extract, type Sentence } from '../index.ts';
import { advanceJob, batchOutcome, batchRate, type SentenceOutcome } from './batch.ts';

const run = (sentence: Sentence, status: SentenceOutcome['status'], raw: string, error: string | null = null): SentenceOutcome => ({
  sentence,
  status,
  raw,
  extraction: status === 'done' ? extract(raw, 'ner', P, sentence.text) : null,
  error,
});
const outcomeOf = (runs: SentenceOutcome[]) => batchOutcome(runs, 'm', 0);

describe('batch outcome', () => {
  const s1 = { text: '東京で会見。', start: 0, end: 6 };
  const s2 = { text: '大阪へ。', start: 6, end: 10 };
  it('merges a document’s sentences into one prediction with document offsets', () => {
    const o = outcomeOf([run(s1, 'done', '<社会>固有表現抽出:地名;東京'), run(s2, 'done', '<社会>固有表現抽出:地名;大阪')]);
    if (o.stopped) throw new Error('not stopped');
    expect(o.patch.prediction!.extraction.entities.map((e) => [e.text, e.start])).toEqual([
      ['東京', 0],
      ['大阪', 6],
    ]);
    expect(o.patch.prediction!.raw).toBe('<社会>固有表現抽出:地名;東京\n<社会>固有表現抽出:地名;大阪');
    expect(o.patch.predictionError).toBeNull();
  });
  it('says stopped when paused mid-document, and records an error when every sentence failed', () => {
    expect(outcomeOf([run(s1, 'done', '<社会>固有表現抽出'), run(s2, 'stopped', '')])).toEqual({ stopped: true });
    expect(outcomeOf([run(s1, 'failed', '', 'GPU lost.')])).toEqual({ stopped: false, patch: { predictionError: 'GPU lost.' } });
    const partial = outcomeOf([run(s1, 'done', '<社会>固有表現抽出'), run(s2, 'failed', '', 'Too long.')]);
    expect(!partial.stopped && partial.patch.predictionError).toBe('Some sentences failed: Too long.');
  });
  it('computes the rate and ETA from documents done in this tab', () => {
    const job = { id: 'batch' as const, ids: [1, 2, 3, 4, 5], next: 3, model: 'm', status: 'running' as const, failed: 0, startedAt: 0 };
    expect(batchRate({ job, doneHere: 2, since: 0 }, 4000)).toEqual({ rate: 0.5, etaS: 4 });
    expect(batchRate({ job, doneHere: 0, since: 0 }, 4000)).toEqual({ rate: null, etaS: null });
  });
  it('moves the job on by one, counting a document without a prediction as failed', () => {
    const job = { id: 'batch' as const, ids: [1, 2], next: 0, model: 'm', status: 'running' as const, failed: 0, startedAt: 0 };
    expect(advanceJob(job, { predictionError: 'GPU lost.' })).toMatchObject({ next: 1, failed: 1 });
    expect(advanceJob(job, null)).toMatchObject({ next: 1, failed: 0 });
  });
});

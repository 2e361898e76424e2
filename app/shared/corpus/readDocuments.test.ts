import { describe, expect, it } from 'vitest';
import { DOCS_PER_BATCH, readDocuments, type ReadRequest } from './readDocuments.ts';
import { DEFAULT_PROFILE as P } from '../../../src/format/profile.ts';
import type { CorpusDocument } from '../../../src/corpus/document.ts';

const request = (lines: string[]): ReadRequest => ({ name: 'batch.jsonl', bytes: new TextEncoder().encode(lines.join('\n')), options: {}, profile: P, importedAt: 7 });

describe('readDocuments in batches (as the import worker posts them)', () => {
  it('hands over the same documents, in order, in batches of DOCS_PER_BATCH; the problems stay in the result', async () => {
    const count = 2 * DOCS_PER_BATCH + 17;
    const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ id: `d${i}`, text: `東京${i}で会見。`, task: 'ner', output: `<社会>固有表現抽出:地名;東京${i}` }));
    // A bad line: reported with its number, whichever way the documents come.
    lines.splice(5, 0, '{"text": 1}');
    const whole = await readDocuments(request(lines));
    const batches: CorpusDocument[][] = [];
    const inBatches = await readDocuments(request(lines), undefined, (docs) => batches.push(docs));
    expect(batches.map((b) => b.length)).toEqual([DOCS_PER_BATCH, DOCS_PER_BATCH, 17]);
    if (!('docs' in whole) || !('docs' in inBatches)) throw new Error('not read');
    expect(inBatches.docs).toEqual([]);
    expect(batches.flat()).toEqual(whole.docs);
    expect(whole.docs[0]).toMatchObject({ recordId: 'd0', source: 'batch.jsonl', importedAt: 7, items: 1 });
    expect(inBatches.errors).toEqual(whole.errors);
    expect(whole.errors.map((e) => e.line)).toEqual([6]);
  });
});

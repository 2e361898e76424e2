import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE as P, extract } from '../index.ts';
import { freshFields, type CorpusDocument } from './document.ts';
import { pairDocuments, sameText } from './pairing.ts';

let next = 1;
const doc = (source: string, text: string, output: string | null, recordId: string | null = null, extra: Partial<CorpusDocument> = {}): CorpusDocument => ({
  id: next++,
  source,
  line: next,
  recordId,
  text,
  task: 'ner',
  output,
  importedAt: 0,
  ...freshFields(text, 'ner', output),
  ...extra,
});

describe('pairDocuments', () => {
  const A = '東京で会見。';
  const B = '大阪へ。';
  it('pairs another file by record id, else by text, and counts what is left out', () => {
    const docs = [
      doc('gold', A, '<社会>固有表現抽出:地名;東京', 'a'),
      doc('gold', B, '<社会>固有表現抽出:地名;大阪'),
      doc('gold', 'ない文。', null),
      doc('gold', '予測なし。', '<社会>固有表現抽出'),
      doc('pred', A, '<自然>固有表現抽出'),
      doc('pred', A, '<技術>固有表現抽出', 'a'),
      doc('pred', B, '<社会>固有表現抽出:地名;大阪'),
    ];
    const p = pairDocuments(docs, 'gold', { kind: 'file', source: 'pred' }, P);
    // The id pairs A with 技術, not with the id-less 自然 of the same text.
    expect(p.pairs.map((x) => [x.text, x.pred.category])).toEqual([
      [A, '技術'],
      [B, '社会'],
    ]);
    expect(p).toMatchObject({ noGold: 1, noPrediction: 1, textMismatch: 0 });
  });
  it('reads texts as the CLI does: line endings and surrounding space aside', () => {
    expect(sameText('一。\r\n二。 ', '一。\n二。')).toBe(true);
    expect(sameText('一。二。', '一。\n二。')).toBe(false);
    const docs = [doc('gold', '一。\r\n二。', '<社会>固有表現抽出', 'a'), doc('pred', '一。\n二。', '<社会>固有表現抽出', 'a')];
    expect(pairDocuments(docs, 'gold', { kind: 'file', source: 'pred' }, P)).toMatchObject({ textMismatch: 0, pairs: [{ id: 'a' }] });
  });
  it('refuses a pairing that is not one to one: a gold file imported twice, two predictions for one document', () => {
    const twice = [doc('gold', A, '<社会>固有表現抽出:地名;東京'), doc('gold', A, '<社会>固有表現抽出:地名;東京'), doc('gold', B, '<社会>固有表現抽出'), doc('pred', A, '<社会>固有表現抽出'), doc('pred', B, '<社会>固有表現抽出')];
    const p = pairDocuments(twice, 'gold', { kind: 'file', source: 'pred' }, P);
    expect(p.pairs.map((x) => x.text)).toEqual([B]);
    expect(p.ambiguous).toBe(2);
    const twoPreds = [doc('gold', A, '<社会>固有表現抽出', 'a'), doc('pred', A, '<社会>固有表現抽出', 'a'), doc('pred', A, '<技術>固有表現抽出', 'a')];
    expect(pairDocuments(twoPreds, 'gold', { kind: 'file', source: 'pred' }, P)).toMatchObject({ pairs: [], ambiguous: 1 });
  });
  it('refuses an id pair whose texts differ (a shuffled or mislabelled file), and counts it', () => {
    const docs = [doc('gold', A, '<社会>固有表現抽出:地名;東京', 'a'), doc('pred', '別の文。', '<社会>固有表現抽出:地名;東京', 'a')];
    const p = pairDocuments(docs, 'gold', { kind: 'file', source: 'pred' }, P);
    expect(p.pairs).toEqual([]);
    expect(p.textMismatch).toBe(1);
  });
  it('takes batch predictions of the gold documents, and corrections as gold', () => {
    const prediction = { model: 'm', raw: '', extraction: extract('<技術>固有表現抽出:地名;東京', 'ner', P, A), at: 0 };
    const corrected = extract('<自然>固有表現抽出:地名;東京', 'ner', P, A);
    const docs = [doc('gold', A, '<社会>固有表現抽出:地名;東京', null, { prediction, annotation: corrected }), doc('gold', B, '<社会>固有表現抽出')];
    const p = pairDocuments(docs, 'gold', { kind: 'batch' }, P);
    expect(p.pairs).toHaveLength(1);
    expect(p.pairs[0]!.gold.category).toBe('自然');
    expect(p.pairs[0]!.pred.category).toBe('技術');
    expect(p.noPrediction).toBe(1);
  });
  it("reads an imported prediction cut at its token limit as cut: its last item is dropped and counted", () => {
    const docs = [doc('gold', A, '<社会>固有表現抽出:地名;東京', 'a'), doc('pred', A, '<社会>固有表現抽出:地名;東京:人名;会', 'a', { outputTruncated: true })];
    const p = pairDocuments(docs, 'gold', { kind: 'file', source: 'pred' }, P);
    expect(p.pairs[0]!.pred).toMatchObject({ truncated: true, unreadable: 1, entities: [{ text: '東京' }] });
  });
});

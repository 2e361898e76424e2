import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE as P, extract } from '../index.ts';
import { currentExtraction, currentOutput, goldExtraction, newDocument, withPatches, withSummary } from './document.ts';

const TEXT = '東京で会見。';
const base = { line: 1, recordId: null, text: TEXT, task: 'ner' as const };

describe('corpus document', () => {
  it('makes every imported document the same way: fresh review fields, the summary of what it shows', () => {
    const d = newDocument({ ...base, output: '<社会>固有表現抽出:地名;東京:人名;会見者' }, 'a.jsonl', 5, P);
    expect(d).toMatchObject({ source: 'a.jsonl', importedAt: 5, annotation: null, prediction: null, reviewed: 0, category: '社会', warnings: 1 });
    const annotated = newDocument({ ...base, output: '<社会>固有表現抽出', annotation: extract('<自然>固有表現抽出:地名;東京', 'ner', P, TEXT) }, 'b.jsonl', 5, P);
    expect(annotated).toMatchObject({ category: '自然', warnings: 0 });
  });

  it('summarises the labels shown each once, sorted, relations’ names included; no output, no summary', () => {
    const d = newDocument({ ...base, output: '<社会>固有表現抽出:地名;東京:人名;会見:人名;会見者' }, 'a.jsonl', 5, P);
    // 地名 comes first in the output; 人名 (U+4EBA) sorts before it.
    expect(d).toMatchObject({ items: 3, labels: ['人名', '地名'] });
    const re = newDocument({ ...base, task: 're', output: '<社会>関係抽出:東京;本社;会見:東京;所属;会見:会見;所属;東京' }, 'a.jsonl', 5, P);
    expect(re.labels).toEqual(['所属', '本社']);
    // Fields in the order every import has written them (an export lists them so).
    const bare = newDocument({ ...base, output: null }, 'a', 0, P);
    expect(Object.keys(bare)).toEqual(['annotation', 'prediction', 'predictionError', 'reviewed', 'line', 'recordId', 'text', 'task', 'output', 'source', 'importedAt', 'category', 'warnings', 'items', 'labels']);
    expect(bare).toMatchObject({ annotation: null, category: null, warnings: 0, items: 0, labels: [] });
    // An annotation given as undefined is none.
    expect(newDocument({ ...base, output: null, annotation: undefined }, 'a', 0, P).annotation).toBeNull();
  });

  it('shows the correction, else the output, else the prediction; only the first two are gold', () => {
    const prediction = { model: 'm', raw: '', extraction: extract('<技術>固有表現抽出:地名;東京', 'ner', P, TEXT), at: 0 };
    const bare = newDocument({ ...base, output: null }, 'a', 0, P);
    expect(currentExtraction(bare, P).category).toBeNull();
    const predicted = { ...bare, prediction };
    expect(currentExtraction(predicted, P).category).toBe('技術');
    expect(goldExtraction(predicted, P)).toBeNull();
    const withOutput = { ...predicted, output: '<社会>固有表現抽出' };
    expect(currentExtraction(withOutput, P).category).toBe('社会');
    expect(currentOutput(withOutput, P)).toBe('<社会>固有表現抽出');
    const corrected = { ...withOutput, annotation: extract('<自然>固有表現抽出', 'ner', P, TEXT) };
    expect(currentExtraction(corrected, P).category).toBe('自然');
    expect(currentOutput(corrected, P)).toBe('<自然>固有表現抽出');
    expect(currentOutput(predicted, P)).toBe('<技術>固有表現抽出:地名;東京');
  });

  it('recomputes the summary whenever a patch changes what the document shows, and only then', () => {
    const d = newDocument({ ...base, output: null }, 'a', 0, P);
    const prediction = { model: 'm', raw: '', extraction: extract('<技術>固有表現抽出:地名;大阪', 'ner', P, TEXT), at: 0 };
    expect(withSummary(d, { prediction }, P)).toMatchObject({ category: '技術', warnings: 1, items: 1 });
    expect(withSummary(d, { reviewed: 1 }, P)).toEqual({ reviewed: 1 });
    // An imported output outranks a prediction: the summary stays the output's.
    const withOutput = newDocument({ ...base, output: '<社会>固有表現抽出' }, 'a', 0, P);
    expect(withSummary(withOutput, { prediction }, P)).toEqual({ prediction });
    // Taking a correction back shows the output again.
    expect(withSummary({ ...withOutput, annotation: prediction.extraction, category: '技術' }, { annotation: null }, P)).toEqual({ annotation: null, category: '社会', warnings: 0, items: 0, labels: [] });
  });

  it('merges written patches into the list by id, and keeps the list when there are none', () => {
    const a = { ...newDocument({ ...base, output: null }, 'a', 0, P), id: 1 };
    const b = { ...a, id: 2 };
    const list = [a, b];
    expect(withPatches(list, new Map())).toBe(list);
    const next = withPatches(list, new Map([[2, { reviewed: 1 as const }]]));
    expect(next.map((d) => d.reviewed)).toEqual([0, 1]);
    expect(next[0]).toBe(a);
  });
});

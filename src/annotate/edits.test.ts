import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import { addSpan, addTuple, asAnnotation, labelAllOccurrences, moveSpanEdge, occurrences, removeSpan, removeTuple, setCategory, setSpanLabel, setSpanRange, setTupleField } from './edits.ts';
import { emptyExtraction, type LocatedExtraction } from '../domain/types.ts';

const text = '𠮷野家の社長が東京で会見した。';
const base = () => extract('<社会>固有表現抽出:法人名;𠮷野家', 'ner', P, text);

describe('span edits', () => {
  it('adds a span from code-point offsets, in text order, reading its string from the text', () => {
    const x = addSpan(base(), text, 7, 9, '地名');
    expect(x.entities.map((e) => [e.label, e.text, e.start, e.end])).toEqual([
      ['法人名', '𠮷野家', 0, 3],
      ['地名', '東京', 7, 9],
    ]);
    expect(serializeOutput(x, 'ner', P)).toBe('<社会>固有表現抽出:法人名;𠮷野家:地名;東京');
    const before = addSpan(x, text, 4, 6, '人名');
    expect(before.entities.map((e) => e.text)).toEqual(['𠮷野家', '社長', '東京']);
  });

  it('never changes the extraction it was given', () => {
    const x = base();
    const copy = JSON.parse(JSON.stringify(x));
    addSpan(x, text, 7, 9, '地名');
    removeSpan(x, 0);
    setSpanLabel(x, 0, '人名');
    expect(x).toEqual(copy);
  });

  it('ignores an empty selection and clamps ranges to the text', () => {
    expect(addSpan(base(), text, 5, 5, '人名')).toEqual(base());
    expect(addSpan(base(), text, 12, 99, '人名').entities[1]).toMatchObject({ text: 'した。', start: 12, end: 15 });
  });

  it('moves span ends without emptying the span or leaving the text', () => {
    let x = moveSpanEdge(base(), text, 0, 'end', 1);
    expect(x.entities[0]).toMatchObject({ text: '𠮷野家の', start: 0, end: 4 });
    x = moveSpanEdge(x, text, 0, 'start', -1);
    expect(x.entities[0]!.start).toBe(0);
    x = moveSpanEdge(x, text, 0, 'start', 10);
    expect(x.entities[0]).toMatchObject({ text: 'の', start: 3, end: 4 });
    expect(setSpanRange(x, text, 0, 7, 9).entities[0]).toMatchObject({ text: '東京', start: 7, end: 9 });
  });

  it('changes a label and the category', () => {
    const x = setCategory(setSpanLabel(base(), 0, '施設名'), '技術');
    expect(serializeOutput(x, 'ner', P)).toBe('<技術>固有表現抽出:施設名;𠮷野家');
    expect(setCategory(x, '').category).toBeNull();
  });
});

describe('tuple edits', () => {
  const reText = 'スノーボード男子ハーフパイプの国母和宏(東海大)が会見した。';
  it('sets arguments from a picked range or a typed string, and a relation as a label', () => {
    let x = extract('<スポーツ>関係抽出:国母和宏;所属;東海大:', 're', P, reText);
    x = setTupleField(x, reText, 'relations', 0, 'tail', null, [0, 6]);
    expect(x.relations[0]).toMatchObject({ tail: 'スノーボード', offsets: { tail: [0, 6] } });
    x = setTupleField(x, reText, 'relations', 0, 'relation', '職業');
    expect(x.relations[0]!.relation).toBe('職業');
    x = setTupleField(x, reText, 'relations', 0, 'head', '存在しない');
    expect(x.relations[0]!.offsets.head).toBeNull();
    expect(serializeOutput(x, 're', P)).toBe('<スポーツ>関係抽出:存在しない;職業;スノーボード:');
  });

  it('adds and removes events; clearing the object makes a 3-slot event', () => {
    const evText = '13日、中村俊輔がJリーグに復帰した。';
    let x = extract('<スポーツ>イベント抽出:中村俊輔;復帰;Jリーグ;13日:', 'ee', P, evText);
    x = setTupleField(x, evText, 'events', 0, 'object', '');
    expect(x.events[0]!.object).toBeNull();
    expect(serializeOutput(x, 'ee', P)).toBe('<スポーツ>イベント抽出:中村俊輔;復帰;13日:');
    x = addTuple(x, 'events');
    expect(x.events).toHaveLength(2);
    expect(removeTuple(x, 'events', 0).events[0]!.subject).toBe('');
  });
});

describe('asAnnotation', () => {
  it("drops the model's parse flags from what a person saves, and keeps everything else", () => {
    const x = { ...emptyExtraction('ner', '社会'), entities: [{ label: '人名', text: 'A', start: 0, end: 1 }], unreadable: 2, truncated: true } as LocatedExtraction;
    const a = asAnnotation(x);
    expect(a).not.toHaveProperty('unreadable');
    expect(a).not.toHaveProperty('truncated');
    expect(a.entities).toEqual(x.entities);
    expect(x.unreadable).toBe(2);
  });
});

describe('label all occurrences', () => {
  const doc = '東京で生まれ、東京都に住み、𠮷野の東京大学へ。東京';
  const ner = (entities: LocatedExtraction['entities']): LocatedExtraction => ({ ...emptyExtraction('ner', '社会'), relations: [], events: [], entities });

  it('finds every exact occurrence in code points, also after a character outside the BMP', () => {
    expect(occurrences(doc, '東京')).toEqual([
      [0, 2],
      [7, 9],
      [17, 19],
      [23, 25],
    ]);
    expect(occurrences('𠮷𠮷', '𠮷')).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(occurrences(doc, '')).toEqual([]);
  });

  it('labels the other occurrences, leaving those already inside a span of the same label, as one edit', () => {
    const x = ner([
      { label: '地名', text: '東京', start: 0, end: 2 },
      { label: '地名', text: '東京都', start: 7, end: 10 },
      { label: '施設名', text: '東京大学', start: 17, end: 21 },
    ]);
    const { extraction: y, added } = labelAllOccurrences(x, doc, 0);
    // 東京 inside 東京都 (地名) stays as it was; inside 東京大学 (施設名) it is added, stacked; the last one too.
    expect(added).toEqual([
      [17, 19],
      [23, 25],
    ]);
    expect(y.entities.map((e) => [e.label, e.text, e.start])).toEqual([
      ['地名', '東京', 0],
      ['地名', '東京都', 7],
      ['地名', '東京', 17],
      ['施設名', '東京大学', 17],
      ['地名', '東京', 23],
    ]);
    expect(x.entities).toHaveLength(3);
    // Run again, it has nothing left to do and returns the same extraction (no empty undo step).
    expect(labelAllOccurrences(y, doc, 0).extraction).toBe(y);
  });

  it('does nothing for a span that is not in the text', () => {
    const x = ner([{ label: '地名', text: '大阪', start: null, end: null }]);
    expect(labelAllOccurrences(x, doc, 0)).toEqual({ extraction: x, added: [] });
  });
});

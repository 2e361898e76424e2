import { describe, expect, it } from 'vitest';
import { alignSpans } from './alignSpans.ts';
import { parseOutput } from '../format/parseOutput.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { emptyExtraction, type Extraction } from '../domain/types.ts';
import { loadStockmark, loadTcree } from '../testing/sharedData.ts';
import { TextIndex } from '../text/textIndex.ts';

const ner = (pairs: [string, string][]): Extraction => ({
  ...emptyExtraction('ner', '社会'),
  entities: pairs.map(([label, text]) => ({ label, text })),
});

describe('alignSpans', () => {
  it('reproduces the gold spans of all 5343 stockmark sentences from their (type, name) lists', () => {
    const data = loadStockmark();
    expect(data.length).toBe(5343);
    let total = 0;
    let exact = 0;
    const misses: string[] = [];
    for (const s of data) {
      const aligned = alignSpans(s.text, ner(s.entities.map((e) => [e.type, e.name])));
      s.entities.forEach((g, i) => {
        total++;
        const a = aligned.entities[i]!;
        if (a.start === g.span[0] && a.end === g.span[1]) exact++;
        else misses.push(`${s.curid} ${g.name} gold ${g.span} got ${a.start},${a.end}`);
      });
    }
    const rate = exact / total;
    console.log(`stockmark alignment: ${exact}/${total} gold spans reproduced (${(rate * 100).toFixed(2)}%)`);
    expect(total).toBe(13185);
    // The names alone cannot say which of two identical mentions the annotators meant in two sentences
    // (海軍 inside 海軍予算 before the marked 海軍に; 未解決事件 before the marked 「未解決事件」).
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(2);
    expect(rate).toBeGreaterThanOrEqual(0.9998);
  });

  it('counts offsets in code points, not UTF-16 units', () => {
    const text = '𠮷野家と吉野家の𩸽定食';
    const x = alignSpans(text, ner([['法人名', '吉野家'], ['製品名', '𩸽定食']]));
    expect(x.entities.map((e) => [e.start, e.end])).toEqual([[4, 7], [8, 11]]);
    const chars = Array.from(text);
    expect(chars.slice(8, 11).join('')).toBe('𩸽定食');
  });

  it('gives repeated mentions successive occurrences', () => {
    const x = alignSpans('日本と日本と日本', ner([['地名', '日本'], ['地名', '日本'], ['地名', '日本']]));
    expect(x.entities.map((e) => e.start)).toEqual([0, 3, 6]);
  });

  it('aligns across width and NFKC differences', () => {
    const text = 'ＮＴＴドコモはｶﾞｲﾄﾞを公開。';
    const x = alignSpans(text, ner([['法人名', 'NTTドコモ'], ['製品名', 'ガイド']]));
    expect(x.entities.map((e) => [e.start, e.end])).toEqual([[0, 6], [7, 12]]);
    expect(x.warnings).toEqual([]);
    const back = alignSpans('NTTドコモ', ner([['法人名', 'ＮＴＴドコモ']]));
    expect([back.entities[0]!.start, back.entities[0]!.end]).toEqual([0, 6]);
  });

  it('keeps null offsets and warns for a span that is not in the text', () => {
    const x = alignSpans('松友美佐紀は選手。', ner([['人名', '松友美佐紀'], ['地名', '日本']]));
    expect(x.entities[1]).toEqual({ label: '地名', text: '日本', start: null, end: null });
    expect(x.warnings).toEqual(['span 地名 "日本" was not found in the text']);
  });

  it('places triple and quadruple arguments of the TCREE samples', () => {
    for (const row of loadTcree()) {
      const task = row.iw === '関係抽出' ? 're' : 'ee';
      const x = alignSpans(row.text, parseOutput(row.output, task, P, { text: row.text }));
      const idx = new TextIndex(row.text);
      for (const r of x.relations) {
        expect(idx.slice(...r.offsets.head!)).toBe(r.head);
        expect(idx.slice(...r.offsets.tail!)).toBe(r.tail);
      }
      for (const e of x.events) {
        expect(idx.slice(...e.offsets.subject!)).toBe(e.subject);
        expect(idx.slice(...e.offsets.time!)).toBe(e.time);
        if (e.object !== null) expect(idx.slice(...e.offsets.object!)).toBe(e.object);
      }
      expect(x.warnings).toEqual([]);
    }
  });

  it('puts a null object of a 3-slot event at null without a warning', () => {
    const x = alignSpans('今月8日、吉田秀彦の引退試合', parseOutput('<スポーツ>イベント抽出:吉田秀彦;引退;今月8日:', 'ee', P));
    expect(x.events[0]!.offsets).toEqual({ subject: [5, 9], trigger: [10, 12], object: null, time: [0, 4] });
    expect(x.warnings).toEqual([]);
  });

  it('never matches half of a surrogate pair', () => {
    const x = alignSpans('𠮷野家', { ...emptyExtraction('ner'), entities: [{ label: '法人名', text: '\uDFB7' }, { label: '法人名', text: '野' }] });
    expect(x.entities.map((e) => [e.start, e.end])).toEqual([
      [null, null],
      [1, 2],
    ]);
    expect(x.warnings).toEqual(['span 法人名 "\\udfb7" was not found in the text']);
  });

  it('places a covering span and thousands of one-character spans inside it (each scan of taken occurrences is done once)', () => {
    const text = 'あいうえおかきくけこ'.repeat(6000);
    const spans = [{ label: '人名', text }, ...Array.from({ length: 4000 }, (_, i) => ({ label: '人名', text: text[i % 10]! }))];
    const x = alignSpans(text, { ...emptyExtraction('ner'), entities: spans });
    expect([x.entities[0]!.start, x.entities[0]!.end]).toEqual([0, 60_000]);
    // Every short span overlaps the covering one; repeats take successive occurrences.
    expect(x.entities.slice(1, 12).map((e) => e.start)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(x.warnings).toEqual([]);
  });
});

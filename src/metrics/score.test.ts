import { describe, expect, it } from 'vitest';
import { aggregate, scoreSequence, type MatchOptions } from './score.ts';
import { parseOutput } from '../format/parseOutput.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import type { TaskId } from '../domain/types.ts';
import { loadTcree } from '../testing/sharedData.ts';

const x = (out: string, task: TaskId = 'ner') => parseOutput(out, task, P);
const SET: MatchOptions = { duplicates: 'set', normalize: 'nfkc' };
const RAW: MatchOptions = { duplicates: 'multiset', normalize: 'none' };

describe('scoreSequence', () => {
  it('counts TL, matched pairs and extras', () => {
    const s = scoreSequence(x('<社会>固有表現抽出:人名;A:地名;B:地名;C'), x('<社会>固有表現抽出:地名;B:人名;A:人名;Z'));
    expect(s).toEqual({ tlCorrect: true, gold: 3, pred: 3, matched: 2 });
  });

  it('compares whole tuples for RE and EE', () => {
    const gold = x('<スポーツ>関係抽出:国母和宏;所属;東海大:', 're');
    expect(scoreSequence(gold, x('<スポーツ>関係抽出:国母和宏;所属;東海大:', 're')).matched).toBe(1);
    expect(scoreSequence(gold, x('<スポーツ>関係抽出:国母和宏;職業;東海大:', 're')).matched).toBe(0);
    const ev = x('<スポーツ>イベント抽出:吉田秀彦;引退;今月8日:', 'ee');
    expect(scoreSequence(ev, x('<スポーツ>イベント抽出:吉田秀彦;引退;ASTRA;今月8日:', 'ee')).matched).toBe(0);
    expect(scoreSequence(ev, x('<スポーツ>イベント抽出:吉田秀彦;引退;今月８日:', 'ee')).matched).toBe(1);
  });

  it('never matches items of two shapes (a pair and a triple)', () => {
    const ner = x('<社会>固有表現抽出:人名;A:地名;B');
    const re = x('<社会>関係抽出:A;所属;B', 're');
    expect(scoreSequence(ner, re)).toMatchObject({ gold: 2, pred: 1, matched: 0 });
    expect(scoreSequence(re, ner)).toMatchObject({ gold: 1, pred: 2, matched: 0 });
  });

  it('offers multiset vs set duplicate handling', () => {
    const gold = x('<社会>固有表現抽出:地名;日本:地名;日本');
    const pred = x('<社会>固有表現抽出:地名;日本');
    expect(scoreSequence(gold, pred)).toMatchObject({ gold: 2, matched: 1 });
    expect(scoreSequence(gold, pred, SET)).toMatchObject({ gold: 1, matched: 1 });
  });

  it('offers NFKC vs raw comparison', () => {
    const gold = x('<技術>固有表現抽出:法人名;NTT');
    const pred = x('<技術>固有表現抽出:法人名;ＮＴＴ');
    expect(scoreSequence(gold, pred).matched).toBe(1);
    expect(scoreSequence(gold, pred, RAW).matched).toBe(0);
  });

  it('counts a missing category as wrong', () => {
    expect(scoreSequence(x('<社会>固有表現抽出'), x('固有表現抽出')).tlCorrect).toBe(false);
  });
});

describe('aggregate', () => {
  it('computes TL, WL, ALL and F1 as section 4.1 does, on hand-computed numbers', () => {
    const rows = loadTcree();
    const gold = rows.map((r) => x(r.output, r.iw === '関係抽出' ? 're' : 'ee'));
    // Perturb: row 0 wrong category; row 1 wrong relation; row 2 an extra event; others exact.
    const preds = rows.map((r) => r.output);
    preds[0] = preds[0]!.replace('<スポーツ>', '<映画>');
    preds[1] = preds[1]!.replace(';所属;', ';職業;');
    preds[2] = `${preds[2]}余計;出演;X;1日:`;
    const scores = rows.map((r, i) => scoreSequence(gold[i]!, x(preds[i]!, r.iw === '関係抽出' ? 're' : 'ee')));
    const agg = aggregate(scores);
    expect(agg.n).toBe(6);
    expect(agg.tl).toBeCloseTo((5 / 6) * 100, 10); // 5 of 6 labels right
    expect(agg.wl).toBeCloseTo((5 / 6) * 100, 10); // 5 of 6 gold tuples matched
    expect(agg.all).toBeCloseTo((4 / 6) * 100, 10); // rows 0 and 1 fail; the extra tuple does not count
    expect(agg.allStrict).toBeCloseTo((3 / 6) * 100, 10); // ... unless extras count
    expect(agg.precision).toBeCloseTo((5 / 7) * 100, 10);
    const p = 5 / 7;
    const r = 5 / 6;
    expect(agg.f1).toBeCloseTo(((2 * p * r) / (p + r)) * 100, 10);
  });

  it('reports null where a denominator is zero', () => {
    expect(aggregate([])).toMatchObject({ n: 0, tl: null, wl: null, f1: null });
    const none = aggregate([scoreSequence(x('<社会>固有表現抽出'), x('<社会>固有表現抽出'))]);
    expect(none).toMatchObject({ tl: 100, wl: null, all: 100, allStrict: 100 });
  });
});

describe('matching paths', () => {
  it('short and long item lists count the same multiset matches', () => {
    const pairs = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `:地名;${prefix}${i % 7}`).join('');
    // In place with a bit mask, in place past 31 gold items, and by keys.
    for (const [g, p] of [[3, 4], [3, 8], [9, 7], [31, 1], [40, 0], [60, 0], [40, 30]] as const) {
      const gold = x(`<社会>固有表現抽出${pairs(g, '町')}`);
      const pred = x(`<社会>固有表現抽出${pairs(p, '町')}:地名;村`);
      // Names repeat every 7: matched = Σ over names of min(gold count, pred count).
      let expected = 0;
      for (let k = 0; k < 7; k++) {
        const count = (n: number) => Math.floor(n / 7) + (k < n % 7 ? 1 : 0);
        expected += Math.min(count(g), count(p));
      }
      expect(scoreSequence(gold, pred).matched).toBe(expected);
    }
    // A gold item matched once is not matched again: with a few gold items, and past 31 of them.
    const twice = x('<社会>固有表現抽出:地名;町6:地名;町6');
    expect(scoreSequence(x('<社会>固有表現抽出:地名;町6:地名;村'), twice).matched).toBe(1);
    const once = x(`<社会>固有表現抽出${Array.from({ length: 32 }, (_, i) => `:地名;${i === 5 ? '町6' : `村${i}`}`).join('')}`);
    expect(scoreSequence(once, twice).matched).toBe(1);
  });
});

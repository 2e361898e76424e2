import { describe, expect, it } from 'vitest';
import { parseOutput } from '../format/parseOutput.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { loadTcree } from '../testing/sharedData.ts';
import { PERTURBED_EXPECTED, PERTURBED_OUTPUTS } from '../testing/perturbedTcree.ts';
import type { TaskId } from '../domain/types.ts';
import { bootstrapGroups, bootstrapIntervals, logGamma, percentile, poisson, seedState, seededRandom } from './bootstrap.ts';
import { cohensKappa, diffItems, evaluate, protocolScores, reportCsv, reportMarkdown, type EvalPair } from './report.ts';
import { headlineRow, PAPER_DATASET, PAPER_TABLE_1 } from './paperResults.ts';
import { aggregate, scoreSequence } from './score.ts';
import Papa from 'papaparse';

const pairs = (): EvalPair[] =>
  loadTcree().map((r, i) => {
    const task: TaskId = r.iw === '関係抽出' ? 're' : 'ee';
    return { id: `t${i + 1}`, text: r.text, task, gold: parseOutput(r.output, task, P, { text: r.text }), pred: parseOutput(PERTURBED_OUTPUTS[i]!, task, P, { text: r.text }) };
  });
const rounded = (s: Record<string, unknown>) => Object.fromEntries(['n', 'tl', 'wl', 'all', 'allStrict', 'f1'].map((k) => [k, typeof s[k] === 'number' && k !== 'n' ? Math.round((s[k] as number) * 100) / 100 : s[k]]));

describe('evaluate', () => {
  const report = evaluate(pairs());

  it('gives the hand-computed scores per task and overall', () => {
    expect(Object.fromEntries(report.tasks.map((t) => [t.task, rounded(t.scores as never)]))).toEqual({ re: PERTURBED_EXPECTED.re, ee: PERTURBED_EXPECTED.ee });
    expect(rounded(report.overall.scores as never)).toEqual(PERTURBED_EXPECTED.overall);
  });

  it("puts the paper's TCREE rows beside both TCREE tasks", () => {
    expect(report.tasks.map((t) => t.dataset)).toEqual(['TCREE', 'TCREE']);
    expect(headlineRow(report.tasks[0]!.paper)).toEqual({ model: 'GIELLM-13B-JP', tl: 97.49, wl: 78.51, all: 77.41 });
    expect(report.tasks[0]!.paper.map((p) => p.model)).toEqual(['SLG Framework', 'GPT-3.5-Turbo', 'GIELLM-7B', 'GIELLM-13B', 'GIELLM-13B-JP']);
  });

  it('keeps only the documents that differ, unless asked for all', () => {
    expect(report.documentCount).toBe(6);
    expect(report.documents.map((d) => d.id)).toEqual(['t1', 't3', 't5', 't6']);
    expect(evaluate(pairs(), undefined, 100, { allDocuments: true }).documents).toHaveLength(6);
  });

  it('diffs each document: missing, extra, and a wrong label', () => {
    const d = Object.fromEntries(evaluate(pairs(), undefined, 100, { allDocuments: true }).documents.map((x) => [x.id, x]));
    expect(d.t1).toMatchObject({ tlCorrect: false, gold: 'スポーツ', pred: '映画', missing: [], extra: [] });
    expect(d.t3!.wrongLabel).toEqual([{ gold: ['浅田真央', '出演', '日本テレビ', '27日'], pred: ['浅田真央', '対戦', '日本テレビ', '27日'] }]);
    expect(d.t5).toMatchObject({ matched: [['山村浩二', '監督', 'マイブリッジの糸']], missing: [], wrongLabel: [] });
    // The extra triple of row 5 has another relation but no gold left to be "wrong" against: it is extra.
    expect(d.t5!.extra).toEqual([['山村浩二', '所属', 'マイブリッジの糸']]);
    expect(d.t6).toMatchObject({ missing: [['黒澤明', '監督', 'どん底']], extra: [['黒澤明', '監督', 'どん底の中']] });
  });

  it('counts matches per label, a wrong label counting against both labels', () => {
    const ee = Object.fromEntries(report.tasks.find((t) => t.task === 'ee')!.labels.map((l) => [l.label, [l.gold, l.pred, l.matched]]));
    expect(ee).toEqual({ 引退: [1, 1, 1], 出演: [1, 0, 0], 復帰: [1, 1, 1], 対戦: [0, 1, 0] });
    const re = report.tasks.find((t) => t.task === 're')!.labels;
    expect(re[0]).toMatchObject({ label: '監督', gold: 2, pred: 2, matched: 1, precision: 50, recall: 50, f1: 50 });
    expect(re.find((l) => l.label === '所属')).toMatchObject({ gold: 1, pred: 2, matched: 1, precision: 50, recall: 100 });
  });

  it('has 95% bootstrap intervals around each score', () => {
    for (const t of [...report.tasks, report.overall]) {
      for (const k of ['tl', 'wl', 'all', 'f1'] as const) {
        const [lo, hi] = t.intervals[k]!;
        expect(lo).toBeLessThanOrEqual(t.scores[k]! + 1e-9);
        expect(hi).toBeGreaterThanOrEqual(t.scores[k]! - 1e-9);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(100);
      }
    }
    // Six sequences cannot pin ALL down: the interval must be wide.
    expect(report.overall.intervals.all![1] - report.overall.intervals.all![0]).toBeGreaterThan(30);
  });

  it('writes CSV and Markdown reports with the same numbers', () => {
    const rows = Papa.parse<string[]>(reportCsv(report), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 8)).toEqual(['task', 'n', 'metric', 'value', 'ci_low', 'ci_high', 'scpos_protocol_mean', 'paper_dataset']);
    expect(rows.find((r) => r[0] === 're' && r[2] === 'WL')!.slice(3, 4)).toEqual(['66.67']);
    expect(rows.find((r) => r[0] === 'overall' && r[2] === 'F1')![3]).toBe('61.54');
    const md = reportMarkdown(report);
    expect(md).toMatch(/\| re \| 3 \| 100\.00 \[/);
    expect(md).toContain('wrong label: 浅田真央;出演;日本テレビ;27日 → 浅田真央;対戦;日本テレビ;27日');
    expect(md).toContain('Documents with differences (4 of 6)');
    expect(md).toContain('| re | 監督 | 2 | 2 | 1 | 50.00 | 50.00 | 50.00 |');
  });
});

describe('bootstrap', () => {
  it('is deterministic for a seed and collapses to the value when every sequence is the same', () => {
    const same = Array.from({ length: 20 }, () => ({ tlCorrect: true, gold: 2, pred: 2, matched: 2 }));
    expect(bootstrapIntervals(same, 200).all).toEqual([100, 100]);
    const mixed = same.map((s, i) => ({ ...s, tlCorrect: i % 2 === 0 }));
    expect(bootstrapIntervals(mixed, 200, 7)).toEqual(bootstrapIntervals(mixed, 200, 7));
    const [lo, hi] = bootstrapIntervals(mixed, 2000).tl!;
    // Binomial, p = 0.5, n = 20: the normal approximation gives 50 ± 21.9.
    expect(lo).toBeGreaterThan(22);
    expect(lo).toBeLessThan(36);
    expect(hi).toBeGreaterThan(64);
    expect(hi).toBeLessThan(78);
  });
  it('draws Poisson variates with the right mean and variance, small and large', () => {
    const s = seedState(11);
    for (const lambda of [0.5, 3, 9.5, 10, 57, 93_420]) {
      const xs = Array.from({ length: 20_000 }, () => poisson(lambda, s));
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
      // Standard errors: sqrt(λ/N) for the mean, about λ·sqrt(2/N) for the variance.
      expect(Math.abs(mean - lambda), `mean at λ=${lambda}`).toBeLessThan(5 * Math.sqrt(lambda / xs.length));
      expect(Math.abs(variance / lambda - 1), `variance at λ=${lambda}`).toBeLessThan(5 * Math.sqrt(2 / xs.length) + 0.01);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    }
    // P(X = 0) at λ = 3 is e^-3.
    const zeros = Array.from({ length: 50_000 }, () => poisson(3, s)).filter((x) => x === 0).length / 50_000;
    expect(Math.abs(zeros - Math.exp(-3))).toBeLessThan(0.005);
  });
  it('computes ln Γ', () => {
    for (const [x, v] of [[1, 0], [2, 0], [5, Math.log(24)], [11, Math.log(3628800)], [0.5 + 1, Math.log(Math.sqrt(Math.PI) / 2)]] as const) expect(logGamma(x)).toBeCloseTo(v, 10);
  });
  it('gives intervals that do not depend on how many tasks are resampled beside a group', () => {
    const a = Array.from({ length: 300 }, (_, i) => ({ tlCorrect: i % 3 !== 0, gold: 2, pred: 2 + (i % 2), matched: i % 5 === 0 ? 1 : 2 }));
    const [lo, hi] = bootstrapGroups([a], 1000).groups[0]!.tl!;
    expect(lo).toBeGreaterThan(60);
    expect(hi).toBeLessThan(73);
    expect(bootstrapGroups([a, a], 500, 3).overall.tl![1]).toBeLessThan(hi);
  });
  it('interpolates percentiles', () => {
    expect(percentile([0, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5], 0.25)).toBe(2);
  });
  it('set matching collapses repeated items in the diff too', () => {
    const g = parseOutput('<社会>固有表現抽出:人名;太郎:人名;太郎', 'ner', P);
    const p = parseOutput('<社会>固有表現抽出:人名;太郎', 'ner', P);
    expect(diffItems(g, p).missing).toHaveLength(1);
    expect(diffItems(g, p, { duplicates: 'set', normalize: 'nfkc' }).missing).toHaveLength(0);
  });
  it('matches a predicted item with the first gold item of its key, for a sentence’s few items and for many', () => {
    // TOKYO and ＴＯＫＹＯ are one item once normalised: the prediction takes the first, so the second is missing, as written.
    for (const others of [0, 7]) {
      const more = Array.from({ length: others }, (_, i) => `:人名;A${i}`).join('');
      const g = parseOutput(`<社会>固有表現抽出:地名;TOKYO:地名;ＴＯＫＹＯ${more}`, 'ner', P);
      const p = parseOutput(`<社会>固有表現抽出:地名;ＴＯＫＹＯ${more}`, 'ner', P);
      const d = diffItems(g, p);
      expect(d.missing, `${others} others`).toEqual([['地名', 'ＴＯＫＹＯ']]);
      expect(d.matched).toHaveLength(1 + others);
    }
  });
});

describe("the paper's Table 1 and its SCPOS protocol", () => {
  it('has every dataset, with a row for each task, and the numbers as printed', () => {
    expect(Object.keys(PAPER_TABLE_1)).toHaveLength(6);
    expect(PAPER_DATASET['se-n']).toBe('SCPOS:N');
    expect(PAPER_DATASET['se-nadj']).toBe('SCPOS:Adj & N');
    expect(headlineRow(PAPER_TABLE_1['SCPOS:N'])).toEqual({ model: 'GIELLM-13B-JP', tl: 92.43, wl: 49.63, all: 4.43 });
    expect(PAPER_TABLE_1['SCPOS:Adj & N'].find((r) => r.model === 'USA-7B')).toEqual({ model: 'USA-7B', tl: 90.2, wl: 60.09, all: 3.97 });
    expect(PAPER_TABLE_1.SCNM.some((r) => r.model === 'USA-7B')).toBe(false); // "-" in the paper
  });

  it('averages three seeded random 1,000-sample subsets without replacement', () => {
    // 3,000 sequences, the first 1,500 TL-right: every subset is near 50%, and the mean is their mean.
    const scores = Array.from({ length: 3000 }, (_, i) => ({ tlCorrect: i < 1500, gold: 1, pred: 1, matched: 1 }));
    const p = protocolScores(scores, 3);
    expect(p.size).toBe(1000);
    expect(p.subsets).toHaveLength(3);
    for (const s of p.subsets) {
      expect(s.n).toBe(1000);
      expect(s.tl).toBeGreaterThan(44);
      expect(s.tl).toBeLessThan(56);
    }
    expect(p.mean.tl).toBeCloseTo((p.subsets[0]!.tl! + p.subsets[1]!.tl! + p.subsets[2]!.tl!) / 3, 9);
    expect(protocolScores(scores, 3)).toEqual(p);
    // A smaller set is used whole, three times.
    expect(protocolScores(scores.slice(0, 10)).mean.tl).toBe(100);
  });

  it('is in the report for SCPOS tasks when asked', () => {
    const x = parseOutput('<積極>感情抽出形容詞:ポジティブ;良い', 'se-adj', P);
    const r = evaluate([{ id: '1', text: '良い', task: 'se-adj', gold: x, pred: x }], undefined, 10, { scposProtocol: true });
    expect(r.tasks[0]!.protocol!.mean.all).toBe(100);
    expect(reportMarkdown(r)).toContain('| se-adj | 1 | 100.00 | 100.00 | 100.00 | 100.00 | 100.00 |');
    expect(scoreSequence(x, x).pred).toBe(1);
  });
});

describe("the report's scores", () => {
  it('equal scoreSequence + aggregate on random pairs, in both matching modes', () => {
    const rand = seededRandom(5);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const names = ['東京', '大阪', '東京 ', 'ＴＯＫＹＯ', 'TOKYO', '日本'];
    const randomX = (task: TaskId) => {
      const out = pick(['<社会>', '<技術>', '']) + P.iw[task];
      // Mostly a sentence's few items; sometimes enough that both sides' counts multiply past 64 (the map path).
      const n = Math.floor(rand() * (rand() < 0.25 ? 14 : 5));
      const items = Array.from({ length: n }, () =>
        task === 'ner' ? `:${pick(['地名', '人名'])};${pick(names)}` : `${pick(names)};${pick(['所属', '監督'])};${pick(names)}`,
      );
      const text = task === 'ner' ? items.join('') : items.length ? `:${items.join(':')}:${rand() < 0.2 ? 'ゴミ;ゴミ:' : ''}` : '';
      return parseOutput(out + text, task, P);
    };
    const pairs = Array.from({ length: 400 }, (_, i): EvalPair => {
      const task: TaskId = i % 2 ? 'ner' : 're';
      return { id: String(i), text: '', task, gold: randomX(task), pred: randomX(task) };
    }).filter((p) => p.gold.category !== null && !p.gold.unreadable);
    for (const match of [{ duplicates: 'multiset', normalize: 'nfkc' }, { duplicates: 'set', normalize: 'none' }] as const) {
      const r = evaluate(pairs, match, 10);
      for (const t of r.tasks) {
        const expected = aggregate(pairs.filter((p) => p.task === t.task).map((p) => scoreSequence(p.gold, p.pred, match)));
        expect(t.scores).toEqual(expected);
      }
      expect(r.overall.scores).toEqual(aggregate(pairs.map((p) => scoreSequence(p.gold, p.pred, match))));
    }
  });

  it('gives Cohen’s kappa of the category: beyond chance, null where chance is certainty', () => {
    expect(cohensKappa([['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', 'b']])).toBeCloseTo(0.5, 10);
    expect(cohensKappa([['a', 'a'], ['b', 'b']])).toBe(1);
    expect(cohensKappa([['a', 'b'], ['b', 'a']])).toBe(-1);
    expect(cohensKappa([['a', 'a'], ['a', 'a']])).toBeNull();
    expect(cohensKappa([])).toBeNull();
  });

  it('gives Cohen’s kappa of the spans character by character; nested spans label a character with both', () => {
    const ner = (text: string, gold: [string, number | null, number | null][], pred: [string, number | null, number | null][]): EvalPair => {
      const x = (spans: typeof gold) => ({ task: 'ner' as const, category: '技術', relations: [], events: [], warnings: [], entities: spans.map(([label, start, end]) => ({ label, text: start === null ? '大阪' : [...text].slice(start, end!).join(''), start, end })) });
      return { id: text, text, task: 'ner', gold: x(gold), pred: x(pred) };
    };
    // 6 characters agree on 法人名, 2 disagree (地名 / 人名), 7 agree on none: (13/15 − 85/225) / (1 − 85/225).
    const flat = evaluate([ner('NTTドコモは東京で発表した。', [['法人名', 0, 6], ['地名', 7, 9]], [['法人名', 0, 6], ['人名', 7, 9]])], undefined, 10);
    expect(flat.tasks[0]!.spanKappa).toBeCloseTo(110 / 140, 10);
    // 名古屋 is 施設名 inside 地名 名古屋市 on one side only: 3 characters differ, 4 agree: 15/36.
    const nested = evaluate([ner('名古屋市に行く', [['地名', 0, 4], ['施設名', 0, 3]], [['地名', 0, 4], ['大阪', null, null]])], undefined, 10);
    expect(nested.tasks[0]!.spanKappa).toBeCloseTo(15 / 36, 10);
    expect(nested.tasks[0]!.spansWithoutOffsets).toBe(1);
    expect(reportMarkdown(nested)).toContain("ner: Cohen's kappa of the spans, character by character: 0.417 (1 spans without offsets left out)");
    // No span anywhere: nothing to tell apart.
    expect(evaluate([ner('東京', [], [])], undefined, 10).tasks[0]!.spanKappa).toBeNull();
    // Relations and events are not spans.
    expect(evaluate(pairs(), undefined, 10).tasks.map((t) => t.spanKappa)).toEqual([null, null]);
  });

  it('tallies a prediction read once with its gold (the same object) exactly as an equal copy', () => {
    const text = 'NTTドコモは東京で発表した。';
    const x = { task: 'ner' as const, category: '技術', relations: [], events: [], warnings: [], entities: [{ label: '法人名', text: 'NTTドコモ' }, { label: '地名', text: '東京' }, { label: '地名', text: '大阪' }] };
    const other: EvalPair = { id: 'b', text: '大阪で会見。', task: 'ner', gold: { ...x, entities: [{ label: '地名', text: '大阪' }] }, pred: { ...x, entities: [] } };
    const same = evaluate([{ id: 'a', text, task: 'ner', gold: x, pred: x }, other], undefined, 10).tasks[0]!;
    const copy = evaluate([{ id: 'a', text, task: 'ner', gold: x, pred: structuredClone(x) }, other], undefined, 10).tasks[0]!;
    expect(same.spanKappa).not.toBeNull();
    expect(same.spanKappa).toBe(copy.spanKappa);
    expect(same.spansWithoutOffsets).toBe(2);
    expect(copy.spansWithoutOffsets).toBe(2);
  });
});

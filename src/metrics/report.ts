import Papa from 'papaparse';
import type { Extraction, TaskId } from '../domain/types.ts';
import { TASKS, TASK_IDS } from '../format/taskCatalog.ts';
import { aggregate, DEFAULT_MATCH, f1Of, itemTuples, normalizeField, pct, sameCategory, scoreSequence, type MatchOptions, type Scores, type SequenceScore } from './score.ts';
import { bootstrapIntervals, type Intervals } from './bootstrap.ts';
import { PAPER_DATASET, PAPER_TABLE_1, type PaperDataset, type PaperResult } from './paperResults.ts';

/** One gold sequence and the prediction for it. */
export interface EvalPair {
  id: string;
  text: string;
  task: TaskId;
  gold: Extraction;
  pred: Extraction;
}

/** A word-level item's fields as written, e.g. `[label, span]` or `[head, relation, tail]`. */
export type Item = string[];

/** What a prediction got right and wrong in one sequence. */
export interface DocumentDiff {
  id: string;
  text: string;
  task: TaskId;
  gold: string | null;
  pred: string | null;
  tlCorrect: boolean;
  matched: Item[];
  missing: Item[];
  extra: Item[];
  /** A gold item predicted with everything right but its label (entity type, relation, trigger). */
  wrongLabel: { gold: Item; pred: Item }[];
}

/** Word-level counts for one label (entity type, relation, trigger or polarity). */
export interface LabelScore {
  label: string;
  gold: number;
  pred: number;
  matched: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface TaskReport {
  task: TaskId;
  scores: Scores;
  intervals: Intervals;
  /** Per label, most frequent in the gold first. */
  labels: LabelScore[];
  dataset: PaperDataset | null;
  paper: readonly PaperResult[];
}

export interface EvalReport {
  match: MatchOptions;
  samples: number;
  tasks: TaskReport[];
  overall: { scores: Scores; intervals: Intervals };
  documents: DocumentDiff[];
}

/** Whether a prediction got anything of this document wrong. */
export const differs = (d: DocumentDiff) => !d.tlCorrect || d.missing.length > 0 || d.extra.length > 0 || d.wrongLabel.length > 0;

/** Which field of an item is its label: a pair's type, a triple's relation, an event's trigger. */
const LABEL_FIELD = { pairs: 0, triple: 1, event: 1 } as const;

/** Matches items as the scores do (multiset, normalised), then pairs leftovers that differ only in their label. */
export function diffItems(gold: Extraction, pred: Extraction, opts: MatchOptions = DEFAULT_MATCH): Pick<DocumentDiff, 'matched' | 'missing' | 'extra' | 'wrongLabel'> {
  const key = (item: Item, skip = -1) => item.map((f, i) => (i === skip ? '' : normalizeField(f, opts))).join('\u241f');
  const dedupe = (xs: Item[]) => (opts.duplicates === 'set' ? [...new Map(xs.map((x) => [key(x), x])).values()] : xs);
  const g = dedupe(itemTuples(gold));
  const p = dedupe(itemTuples(pred));
  const left = new Map<string, number[]>();
  g.forEach((item, i) => left.set(key(item), [...(left.get(key(item)) ?? []), i]));
  const matched: Item[] = [];
  const extra: Item[] = [];
  const usedGold = new Set<number>();
  for (const item of p) {
    const free = left.get(key(item));
    if (free?.length) {
      usedGold.add(free.shift()!);
      matched.push(item);
    } else extra.push(item);
  }
  const missing = g.filter((_, i) => !usedGold.has(i));
  const skip = LABEL_FIELD[TASKS[gold.task].shape];
  const wrongLabel: DocumentDiff['wrongLabel'] = [];
  for (const m of [...missing]) {
    const j = extra.findIndex((e) => key(e, skip) === key(m, skip));
    if (j === -1) continue;
    wrongLabel.push({ gold: m, pred: extra[j]! });
    extra.splice(j, 1);
    missing.splice(missing.indexOf(m), 1);
  }
  return { matched, missing, extra, wrongLabel };
}

/** Per-label precision, recall and F1 from the documents' diffs (so matching is exactly the diff's). */
export function labelScores(diffs: readonly DocumentDiff[], task: TaskId): LabelScore[] {
  const at = LABEL_FIELD[TASKS[task].shape];
  const counts = new Map<string, { gold: number; pred: number; matched: number }>();
  const add = (item: Item, ...ks: ('gold' | 'pred' | 'matched')[]) => {
    const label = item[at]!.trim();
    const c = counts.get(label) ?? { gold: 0, pred: 0, matched: 0 };
    for (const k of ks) c[k]++;
    counts.set(label, c);
  };
  for (const d of diffs) {
    for (const m of d.matched) add(m, 'gold', 'pred', 'matched');
    for (const m of d.missing) add(m, 'gold');
    for (const e of d.extra) add(e, 'pred');
    for (const w of d.wrongLabel) {
      add(w.gold, 'gold');
      add(w.pred, 'pred');
    }
  }
  return [...counts]
    .map(([label, c]) => {
      const precision = pct(c.matched, c.pred);
      const recall = pct(c.matched, c.gold);
      return { label, ...c, precision, recall, f1: f1Of(precision, recall) };
    })
    .sort((a, b) => b.gold - a.gold || b.pred - a.pred || a.label.localeCompare(b.label));
}

/**
 * Scores pairs per task and overall, with 95% bootstrap intervals and the paper's Table 1 row for the same
 * dataset, and a per-document diff. The scores are exactly `scoreSequence` + `aggregate`, as the CLI's.
 */
export function evaluate(pairs: readonly EvalPair[], opts: MatchOptions = DEFAULT_MATCH, samples = 1000): EvalReport {
  const { perTask, all } = scoresByTask(pairs, opts);
  const documents: DocumentDiff[] = pairs.map((pair) => ({
    id: pair.id,
    text: pair.text,
    task: pair.task,
    gold: pair.gold.category,
    pred: pair.pred.category,
    tlCorrect: sameCategory(pair.gold.category, pair.pred.category, opts),
    ...diffItems(pair.gold, pair.pred, opts),
  }));
  const tasks = [...perTask].map(([task, scores]): TaskReport => {
    const dataset = PAPER_DATASET[task] ?? null;
    const labels = labelScores(
      documents.filter((d) => d.task === task),
      task,
    );
    return { task, scores: aggregate(scores), intervals: bootstrapIntervals(scores, samples), labels, dataset, paper: dataset ? PAPER_TABLE_1[dataset] : [] };
  });
  return { match: opts, samples, tasks, overall: { scores: aggregate(all), intervals: bootstrapIntervals(all, samples) }, documents };
}

/** Each pair scored (`scoreSequence`), grouped by task in catalog order, and all together. */
export function scoresByTask(pairs: readonly Pick<EvalPair, 'task' | 'gold' | 'pred'>[], opts: MatchOptions = DEFAULT_MATCH): { perTask: Map<TaskId, SequenceScore[]>; all: SequenceScore[] } {
  const grouped = new Map<TaskId, SequenceScore[]>();
  const all: SequenceScore[] = [];
  for (const pair of pairs) {
    const s = scoreSequence(pair.gold, pair.pred, opts);
    all.push(s);
    const group = grouped.get(pair.task);
    if (group) group.push(s);
    else grouped.set(pair.task, [s]);
  }
  const perTask = new Map(TASK_IDS.filter((t) => grouped.has(t)).map((t) => [t, grouped.get(t)!]));
  return { perTask, all };
}

/** The reported scores, in table order, with their column names. */
export const METRICS = [
  ['tl', 'TL'],
  ['wl', 'WL'],
  ['all', 'ALL'],
  ['allStrict', 'ALL (strict)'],
  ['f1', 'F1'],
] as const;
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toFixed(2));

/** One row per task and metric: value, interval, and the paper's numbers for the same dataset. */
export function reportCsv(r: EvalReport): string {
  const models = [...new Set(r.tasks.flatMap((t) => t.paper.map((p) => p.model)))];
  const rows: (string | number)[][] = [['task', 'n', 'metric', 'value', 'ci_low', 'ci_high', 'paper_dataset', ...models]];
  const rowsFor = (name: string, n: number, scores: Scores, ci: Intervals, dataset: string, paper: readonly PaperResult[]) => {
    for (const [k, label] of METRICS) {
      const fromPaper = models.map((m) => {
        const p = paper.find((x) => x.model === m);
        return p && (k === 'tl' || k === 'wl' || k === 'all') ? num(p[k]) : '';
      });
      rows.push([name, n, label, num(scores[k]), num(ci[k]?.[0]), num(ci[k]?.[1]), dataset, ...fromPaper]);
    }
  };
  for (const t of r.tasks) rowsFor(t.task, t.scores.n, t.scores, t.intervals, t.dataset ?? '', t.paper);
  rowsFor('overall', r.overall.scores.n, r.overall.scores, r.overall.intervals, '', []);
  return Papa.unparse(rows, { newline: '\n' });
}

export function reportJson(r: EvalReport): string {
  return JSON.stringify(r, null, 2);
}

const cell = (v: number | null, ci: Intervals[keyof Intervals]) => (v === null ? 'n/a' : ci ? `${v.toFixed(2)} [${ci[0].toFixed(2)}–${ci[1].toFixed(2)}]` : v.toFixed(2));
const mdEscape = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
const itemText = (i: Item) => i.join(';');

/** A report to paste into a paper draft or an issue: the score table, the paper's rows, and the documents that differ. */
export function reportMarkdown(r: EvalReport): string {
  const lines = [
    '# GIELLM evaluation report',
    '',
    `Items matched as ${r.match.duplicates}, ${r.match.normalize === 'nfkc' ? 'NFKC-normalised' : 'as written'}. Percent, with 95% bootstrap intervals over sequences (${r.samples} resamples).`,
    '',
    '| task | n | TL | WL | ALL | ALL (strict) | F1 |',
    '|---|---|---|---|---|---|---|',
    ...r.tasks.map((t) => `| ${t.task} | ${t.scores.n} | ${METRICS.map(([k]) => cell(t.scores[k], t.intervals[k])).join(' | ')} |`),
    `| overall | ${r.overall.scores.n} | ${METRICS.map(([k]) => cell(r.overall.scores[k], r.overall.intervals[k])).join(' | ')} |`,
  ];
  const withPaper = r.tasks.filter((t) => t.dataset);
  if (withPaper.length) {
    lines.push('', "## The paper's Table 1 (TL / WL / ALL)", '', '| task | dataset | model | TL | WL | ALL |', '|---|---|---|---|---|---|');
    for (const t of withPaper) for (const p of t.paper) lines.push(`| ${t.task} | ${t.dataset} | ${p.model} | ${num(p.tl)} | ${num(p.wl)} | ${num(p.all)} |`);
  }
  lines.push('', '## Per label (word level)', '', '| task | label | gold | predicted | matched | P | R | F1 |', '|---|---|---|---|---|---|---|---|');
  for (const t of r.tasks) for (const l of t.labels) lines.push(`| ${t.task} | ${mdEscape(l.label)} | ${l.gold} | ${l.pred} | ${l.matched} | ${num(l.precision)} | ${num(l.recall)} | ${num(l.f1)} |`);
  const wrong = r.documents.filter(differs);
  lines.push('', `## Documents with differences (${wrong.length} of ${r.documents.length})`, '');
  for (const d of wrong) {
    lines.push(`- **${mdEscape(d.id)}** (${d.task}) ${mdEscape(d.text.slice(0, 60))}`);
    if (!d.tlCorrect) lines.push(`  - category: gold ${mdEscape(d.gold ?? '∅')}, predicted ${mdEscape(d.pred ?? '∅')}`);
    for (const m of d.missing) lines.push(`  - missing: ${mdEscape(itemText(m))}`);
    for (const e of d.extra) lines.push(`  - extra: ${mdEscape(itemText(e))}`);
    for (const w of d.wrongLabel) lines.push(`  - wrong label: ${mdEscape(itemText(w.gold))} → ${mdEscape(itemText(w.pred))}`);
  }
  return lines.join('\n') + '\n';
}

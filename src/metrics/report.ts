import Papa from 'papaparse';
import type { Extraction, TaskId } from '../domain/types.ts';
import { TASKS, TASK_IDS } from '../format/taskCatalog.ts';
import { placeSpans } from '../align/alignSpans.ts';
import { TextIndex } from '../text/textIndex.ts';
import { aggregate, DEFAULT_MATCH, f1Of, fieldsEqual, IN_PLACE_PAIRS, itemTuples, normalizeField, pct, sameCategory, scoreSequence, unscorableReason, type MatchOptions, type Scores, type SequenceScore } from './score.ts';
import { bootstrapGroups, seededRandom, type Intervals } from './bootstrap.ts';
import { PAPER_DATASET, PAPER_TABLE_1, PAPER_TABLE_1_CAPTION, SCPOS_PROTOCOL, type PaperDataset, type PaperResult } from './paperResults.ts';

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
  /** Predicted pieces that could not be read as items (each counted as a wrong prediction). */
  unreadable: number;
  /** The prediction was cut at its token limit. */
  truncated: boolean;
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

/** The paper's SCPOS protocol applied: scores on seeded random subsets of the task's sequences, and their mean. */
export interface ProtocolScores {
  size: number;
  subsets: Scores[];
  mean: Scores;
}

export interface TaskReport {
  task: TaskId;
  scores: Scores;
  intervals: Intervals;
  /** Per label, most frequent in the gold first. */
  labels: LabelScore[];
  dataset: PaperDataset;
  paper: readonly PaperResult[];
  /** Predictions cut at their token limit, and predicted pieces that could not be read (scored as wrong). */
  truncated: number;
  unreadable: number;
  /** With `scposProtocol`, for the SCPOS tasks: the paper's three 1,000-sample subsets. */
  protocol?: ProtocolScores;
  /**
   * Cohen's kappa of the text-level category, gold against predictions: agreement beyond chance, for two
   * annotators (or an annotator and a model). Null when it is undefined (every document has one category
   * on both sides, so chance agreement is 1).
   */
  categoryKappa: number | null;
  /**
   * Cohen's kappa of the spans, character by character (each code point labelled with the labels of the spans
   * over it, or none), for the tasks whose items are spans and whose two sides both have offsets. Null for
   * other tasks, and when no span has offsets or chance agreement is 1.
   */
  spanKappa: number | null;
  /** Spans left out of `spanKappa` because they have no offsets (their string is not in the text). */
  spansWithoutOffsets: number;
}

/** A gold record left out of the scores, and why. */
export interface Unscorable {
  id: string;
  task: TaskId;
  reason: string;
}

export interface EvalReport {
  match: MatchOptions;
  samples: number;
  tasks: TaskReport[];
  overall: { scores: Scores; intervals: Intervals };
  /** The documents that differ, in input order; every scored document with `allDocuments`. */
  documents: DocumentDiff[];
  allDocuments: boolean;
  /** How many documents were scored (documents holds only the differing ones by default). */
  documentCount: number;
  unscorable: Unscorable[];
  /** Table 1's caption, for the paper's rows beside the scores. */
  caption: string;
}

export interface EvaluateOptions {
  /** Keep every scored document in `documents`, not only those that differ. */
  allDocuments?: boolean;
  /** Also score each SCPOS task as the paper did: the mean over three seeded random 1,000-sample subsets. */
  scposProtocol?: boolean;
  seed?: number;
}

type ItemDiff = Pick<DocumentDiff, 'matched' | 'missing' | 'extra' | 'wrongLabel'>;

/** Whether a prediction got anything of a document wrong, from its parts (before a DocumentDiff is built). */
const anyDifference = (tlCorrect: boolean, unreadable: number, items: ItemDiff) =>
  !tlCorrect || unreadable > 0 || items.missing.length > 0 || items.extra.length > 0 || items.wrongLabel.length > 0;

/** Whether a prediction got anything of this document wrong. */
export const differs = (d: DocumentDiff) => anyDifference(d.tlCorrect, d.unreadable, d);

/** Which field of an item is its label: a pair's type, a triple's relation, an event's trigger. */
const LABEL_FIELD = { pairs: 0, triple: 1, event: 1 } as const;

const KEY_SEP = '\u241f';
/** An item's comparable key: its normalised fields joined, the field at `skip` left out (-1 keeps all). */
function itemKey(item: Item, opts: MatchOptions, skip = -1): string {
  let k = '';
  for (let i = 0; i < item.length; i++) k += (i === 0 ? '' : KEY_SEP) + (i === skip ? '' : normalizeField(item[i]!, opts));
  return k;
}

function dedupe(xs: Item[], opts: MatchOptions): Item[] {
  if (opts.duplicates !== 'set') return xs;
  const seen = new Map<string, Item>();
  for (const x of xs) seen.set(itemKey(x, opts), x);
  return [...seen.values()];
}

/** Matches items as the scores do (multiset, normalised), then pairs leftovers that differ only in their label. */
export function diffItems(gold: Extraction, pred: Extraction, opts: MatchOptions = DEFAULT_MATCH): ItemDiff {
  const g = dedupe(itemTuples(gold), opts);
  // A prediction that is the gold itself (the same output string, read once) matches every item.
  if (pred === gold) return { matched: g, missing: [], extra: [], wrongLabel: [] };
  const p = dedupe(itemTuples(pred), opts);
  const matched: Item[] = [];
  const extra: Item[] = [];
  if (g.length === 0) return { matched, missing: [], extra: p, wrongLabel: [] };
  const usedGold = new Uint8Array(g.length);
  // Each predicted item takes the first gold item equal to it not taken yet. For the few items of a
  // sentence, comparing along them (as written first, see fieldsEqual) costs less than a map of keys.
  const left = g.length * p.length > IN_PLACE_PAIRS ? new Map<string, number[]>() : null;
  if (left !== null) {
    for (let i = 0; i < g.length; i++) {
      const k = itemKey(g[i]!, opts);
      const at = left.get(k);
      if (at) at.push(i);
      else left.set(k, [i]);
    }
  }
  for (const item of p) {
    let j = -1;
    if (left !== null) j = left.get(itemKey(item, opts))?.shift() ?? -1;
    else for (let i = 0; i < g.length && j < 0; i++) if (usedGold[i] === 0 && fieldsEqual(g[i]!, 0, item, 0, item.length, opts)) j = i;
    if (j >= 0) {
      usedGold[j] = 1;
      matched.push(item);
    } else extra.push(item);
  }
  const missing: Item[] = [];
  for (let i = 0; i < g.length; i++) if (!usedGold[i]) missing.push(g[i]!);
  const wrongLabel: DocumentDiff['wrongLabel'] = [];
  if (missing.length === 0 || extra.length === 0) return { matched, missing, extra, wrongLabel };
  const skip = LABEL_FIELD[TASKS[gold.task].shape];
  for (const m of [...missing]) {
    const mk = itemKey(m, opts, skip);
    const j = extra.findIndex((e) => itemKey(e, opts, skip) === mk);
    if (j === -1) continue;
    wrongLabel.push({ gold: m, pred: extra[j]! });
    extra.splice(j, 1);
    missing.splice(missing.indexOf(m), 1);
  }
  return { matched, missing, extra, wrongLabel };
}

type LabelCounts = Map<string, { gold: number; pred: number; matched: number }>;

/** Adds one item's counts to its label's. */
function addLabel(counts: LabelCounts, label: string, gold: number, pred: number, matched: number) {
  const c = counts.get(label);
  if (c) {
    c.gold += gold;
    c.pred += pred;
    c.matched += matched;
  } else counts.set(label, { gold, pred, matched });
}

/**
 * Adds one document's diff to per-label counts (so matching is exactly the diff's). No closure per call:
 * the CLI runs through tsx, which names every named closure as it is made.
 */
function countLabels(counts: LabelCounts, d: ItemDiff, task: TaskId) {
  const at = LABEL_FIELD[TASKS[task].shape];
  for (const m of d.matched) addLabel(counts, m[at]!.trim(), 1, 1, 1);
  for (const m of d.missing) addLabel(counts, m[at]!.trim(), 1, 0, 0);
  for (const e of d.extra) addLabel(counts, e[at]!.trim(), 0, 1, 0);
  for (const w of d.wrongLabel) {
    addLabel(counts, w.gold[at]!.trim(), 1, 0, 0);
    addLabel(counts, w.pred[at]!.trim(), 0, 1, 0);
  }
}

function labelRows(counts: LabelCounts): LabelScore[] {
  return [...counts]
    .map(([label, c]) => {
      const precision = pct(c.matched, c.pred);
      const recall = pct(c.matched, c.gold);
      return { label, ...c, precision, recall, f1: f1Of(precision, recall) };
    })
    .sort((a, b) => b.gold - a.gold || b.pred - a.pred || a.label.localeCompare(b.label));
}

/** Per-label precision, recall and F1 from the documents' diffs (so matching is exactly the diff's). */
export function labelScores(diffs: readonly DocumentDiff[], task: TaskId): LabelScore[] {
  const counts: LabelCounts = new Map();
  for (const d of diffs) countLabels(counts, d, task);
  return labelRows(counts);
}

const meanScores = (xs: readonly Scores[]): Scores => {
  const mean = (k: keyof Scores) => (xs.some((x) => x[k] === null) ? null : xs.reduce((n, x) => n + x[k]!, 0) / xs.length);
  return { n: xs[0]?.n ?? 0, tl: mean('tl'), wl: mean('wl'), all: mean('all'), allStrict: mean('allStrict'), precision: mean('precision'), recall: mean('recall'), f1: mean('f1') };
};

/**
 * The paper's SCPOS protocol (section 4.1): three random samples of 1,000 sequences (drawn without
 * replacement, seeded), scored separately and averaged. A task with fewer sequences uses them all.
 */
export function protocolScores(scores: readonly SequenceScore[], seed = 1): ProtocolScores {
  const size = Math.min(SCPOS_PROTOCOL.size, scores.length);
  const rand = seededRandom(seed);
  const subsets: Scores[] = [];
  const order = Array.from(scores.keys());
  for (let k = 0; k < SCPOS_PROTOCOL.subsets; k++) {
    // A partial Fisher–Yates shuffle: the first `size` positions are a uniform sample without replacement.
    for (let i = 0; i < size; i++) {
      const j = i + Math.floor(rand() * (order.length - i));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    subsets.push(aggregate(order.slice(0, size).map((i) => scores[i]!)));
  }
  return { size, subsets, mean: meanScores(subsets) };
}

/**
 * Scores pairs per task and overall, with 95% bootstrap intervals (one stratified resampling pass for all
 * tasks) and the paper's Table 1 rows for the same dataset, and a diff of each document that differs. The
 * scores are exactly `scoreSequence` + `aggregate`, as the CLI's. A pair whose gold cannot be scored
 * (`unscorableReason`) is left out of every score and listed in `unscorable`.
 *
 * Pairs are taken one at a time and only what the report needs is kept (a score, the label counts, and a
 * diff where the document differs), so a caller reading a large file need not hold every pair's
 * extractions at once.
 */
export class Evaluation {
  private readonly allDocuments: boolean;
  private readonly unscorable: Unscorable[] = [];
  private scored = 0;
  // Each pair's score is read off its diff (the same multiset matching as scoreSequence, which a test
  // checks on random pairs), so the items are normalised and matched once, not twice.
  private readonly scores: [TaskId, SequenceScore][] = [];
  private readonly documents: DocumentDiff[] = [];
  private readonly counts = new Map<TaskId, LabelCounts>();
  private readonly flags = new Map<TaskId, { truncated: number; unreadable: number }>();
  private readonly categories = new Map<TaskId, KappaTally>();
  private readonly spanTallies = new Map<TaskId, SpanTally>();

  constructor(
    private readonly opts: MatchOptions = DEFAULT_MATCH,
    private readonly samples = 1000,
    private readonly options: EvaluateOptions = {},
  ) {
    this.allDocuments = options.allDocuments ?? false;
  }

  add(pair: EvalPair): void {
    const reason = unscorableReason(pair.gold);
    if (reason !== null) {
      this.unscorable.push({ id: pair.id, task: pair.task, reason });
      return;
    }
    const { opts } = this;
    this.scored++;
    if (TASKS[pair.task].shape === 'pairs') (this.spanTallies.get(pair.task) ?? this.spanTallies.set(pair.task, new SpanTally()).get(pair.task)!).add(pair.text, pair.gold, pair.pred);
    let cats = this.categories.get(pair.task);
    if (!cats) this.categories.set(pair.task, (cats = newTally()));
    tallyPair(cats, normalizedCategory(pair.gold.category, opts), normalizedCategory(pair.pred.category, opts), 1);
    const items = diffItems(pair.gold, pair.pred, opts);
    let c = this.counts.get(pair.task);
    if (!c) this.counts.set(pair.task, (c = new Map()));
    countLabels(c, items, pair.task);
    let f = this.flags.get(pair.task);
    if (!f) this.flags.set(pair.task, (f = { truncated: 0, unreadable: 0 }));
    const unreadable = pair.pred.unreadable ?? 0;
    const truncated = pair.pred.truncated === true;
    f.unreadable += unreadable;
    if (truncated) f.truncated++;
    const tlCorrect = sameCategory(pair.gold.category, pair.pred.category, opts);
    const m = items.matched.length;
    const w = items.wrongLabel.length;
    this.scores.push([pair.task, { tlCorrect, gold: m + items.missing.length + w, pred: m + items.extra.length + w + unreadable, matched: m }]);
    if (this.allDocuments || anyDifference(tlCorrect, unreadable, items)) {
      this.documents.push({ id: pair.id, text: pair.text, task: pair.task, gold: pair.gold.category, pred: pair.pred.category, tlCorrect, ...items, unreadable, truncated });
    }
  }

  report(): EvalReport {
    const { options } = this;
    const { perTask, all } = byTask(this.scores);
    const groups = [...perTask];
    const ci = bootstrapGroups(
      groups.map(([, scores]) => scores),
      this.samples,
      options.seed,
    );
    const tasks = groups.map(([task, scores], g): TaskReport => {
      const dataset = PAPER_DATASET[task];
      const categories = this.categories.get(task);
      const report: TaskReport = {
        task,
        scores: aggregate(scores),
        intervals: ci.groups[g]!,
        labels: labelRows(this.counts.get(task) ?? new Map()),
        dataset,
        paper: PAPER_TABLE_1[dataset],
        ...(this.flags.get(task) ?? { truncated: 0, unreadable: 0 }),
        categoryKappa: categories ? kappaOf(categories) : null,
        spanKappa: this.spanTallies.get(task)?.kappa() ?? null,
        spansWithoutOffsets: this.spanTallies.get(task)?.without ?? 0,
      };
      if (options.scposProtocol && TASKS[task].dataset === 'SCPOS') report.protocol = protocolScores(scores, options.seed);
      return report;
    });
    return {
      match: this.opts,
      samples: this.samples,
      tasks,
      overall: { scores: aggregate(all), intervals: ci.overall },
      documents: this.documents,
      allDocuments: this.allDocuments,
      documentCount: this.scored,
      unscorable: this.unscorable,
      caption: PAPER_TABLE_1_CAPTION,
    };
  }
}

/** `Evaluation` over pairs held in memory. */
export function evaluate(pairs: readonly EvalPair[], opts: MatchOptions = DEFAULT_MATCH, samples = 1000, options: EvaluateOptions = {}): EvalReport {
  const e = new Evaluation(opts, samples, options);
  for (const pair of pairs) e.add(pair);
  return e.report();
}

/** A category as `sameCategory` compares it (no category is a value of its own). */
const normalizedCategory = (c: string | null, opts: MatchOptions) => (c === null ? '\u0000none' : opts.normalize === 'nfkc' ? c.normalize('NFKC') : c);

/**
 * Cohen's kappa of two raters over the same items: (observed agreement − chance agreement) / (1 − chance),
 * chance from each rater's own label frequencies. Null when chance agreement is 1 (nothing to tell apart).
 */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const t = newTally();
  for (const [x, y] of pairs) tallyPair(t, x, y, 1);
  return kappaOf(t);
}

/** Two raters' labels counted: how many items, how many agree, and each rater's label frequencies. */
interface KappaTally {
  n: number;
  agree: number;
  a: Map<string, number>;
  b: Map<string, number>;
}

const newTally = (): KappaTally => ({ n: 0, agree: 0, a: new Map(), b: new Map() });

function tallyPair(t: KappaTally, x: string, y: string, count: number) {
  t.n += count;
  t.a.set(x, (t.a.get(x) ?? 0) + count);
  t.b.set(y, (t.b.get(y) ?? 0) + count);
  if (x === y) t.agree += count;
}

function kappaOf(t: KappaTally): number | null {
  if (t.n === 0) return null;
  let chance = 0;
  for (const [label, count] of t.a) chance += (count / t.n) * ((t.b.get(label) ?? 0) / t.n);
  return chance === 1 ? null : (t.agree / t.n - chance) / (1 - chance);
}

/**
 * Two raters' labels of every character of the span tasks' texts, counted by label id: each code point gets
 * the labels of the spans over it (sorted and joined: a nested span's character has both), or none (id 0).
 * Per character only array increments: 187,028 documents tally in a few tens of milliseconds.
 */
class SpanTally {
  private readonly ids = new Map<string, number>([['', 0]]);
  private readonly names: string[] = [''];
  private readonly a: number[] = [0];
  private readonly b: number[] = [0];
  private n = 0;
  private agree = 0;
  /** Spans with no offsets (their string is not in the text), left out. */
  without = 0;

  private id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.a.push(0);
      this.b.push(0);
    }
    return id;
  }

  /** The id of the labels of `x` and `y` together. */
  private union(x: number, y: number): number {
    if (x === 0 || x === y) return y;
    return this.id([...new Set([...this.names[x]!.split(KEY_SEP), ...this.names[y]!.split(KEY_SEP)])].sort().join(KEY_SEP));
  }

  // Two scratch rows of label ids, reused from document to document (a typed array each would be garbage).
  private g = new Int32Array(256);
  private p = new Int32Array(256);

  /** The current document's text, indexed when a side first needs placing (at most once per document). */
  private text = '';
  private index: TextIndex | null = null;

  private fill(at: Int32Array, x: Extraction, length: number) {
    at.fill(0, 0, length);
    // Outputs parsed without the text (the CLI's) have never been placed: place them as the app does.
    const placed = x.entities.some((e) => e.start === undefined) ? placeSpans((this.index ??= new TextIndex(this.text)), x.entities) : null;
    for (let k = 0; k < x.entities.length; k++) {
      const e = x.entities[k]!;
      const start = placed ? placed[k]?.[0] : e.start;
      const end = placed ? placed[k]?.[1] : e.end;
      if (start === null || start === undefined || end === null || end === undefined) {
        this.without++;
        continue;
      }
      const label = this.id(e.label);
      for (let i = Math.max(0, start); i < Math.min(end, length); i++) at[i] = at[i] === 0 ? label : this.union(at[i]!, label);
    }
  }

  add(text: string, gold: Extraction, pred: Extraction) {
    const length = codePointLength(text);
    if (length > this.g.length) [this.g, this.p] = [new Int32Array(length * 2), new Int32Array(length * 2)];
    this.text = text;
    this.index = null;
    const { g, p } = this;
    const without = this.without;
    this.fill(g, gold, length);
    if (pred === gold) {
      // The same output read once for both sides (an identical prediction): the same labels on every
      // character, so the prediction need not be placed again. Its spans without offsets count as before.
      this.index = null;
      this.without += this.without - without;
      for (let i = 0; i < length; i++) {
        const x = g[i]!;
        this.a[x]!++;
        this.b[x]!++;
      }
      this.agree += length;
      this.n += length;
      return;
    }
    this.fill(p, pred, length);
    this.index = null;
    for (let i = 0; i < length; i++) {
      const x = g[i]!;
      const y = p[i]!;
      this.a[x]!++;
      this.b[y]!++;
      if (x === y) this.agree++;
    }
    this.n += length;
  }

  kappa(): number | null {
    if (this.n === 0) return null;
    let chance = 0;
    for (let id = 0; id < this.a.length; id++) chance += (this.a[id]! / this.n) * (this.b[id]! / this.n);
    return chance === 1 ? null : (this.agree / this.n - chance) / (1 - chance);
  }
}

const codePointLength = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
};

/** Scores grouped by task in catalog order, and all of them together. */
function byTask(scores: readonly (readonly [TaskId, SequenceScore])[]): { perTask: Map<TaskId, SequenceScore[]>; all: SequenceScore[] } {
  const grouped = new Map<TaskId, SequenceScore[]>();
  const all: SequenceScore[] = [];
  for (const [task, s] of scores) {
    all.push(s);
    const group = grouped.get(task);
    if (group) group.push(s);
    else grouped.set(task, [s]);
  }
  return { perTask: new Map(TASK_IDS.filter((t) => grouped.has(t)).map((t) => [t, grouped.get(t)!])), all };
}

/**
 * Each pair scored (`scoreSequence`), grouped by task in catalog order, and all together. A pair whose
 * gold cannot be scored (`unscorableReason`) is left out, as `evaluate` leaves it out. Pairs are taken one
 * at a time, and only their scores kept.
 */
export class ScoresByTask {
  private readonly scores: [TaskId, SequenceScore][] = [];
  constructor(private readonly opts: MatchOptions = DEFAULT_MATCH) {}

  add(p: Pick<EvalPair, 'task' | 'gold' | 'pred'>): void {
    if (unscorableReason(p.gold) === null) this.scores.push([p.task, scoreSequence(p.gold, p.pred, this.opts)]);
  }

  grouped(): { perTask: Map<TaskId, SequenceScore[]>; all: SequenceScore[] } {
    return byTask(this.scores);
  }
}

/** The reported scores, in table order, with their column names. */
export const METRICS = [
  ['tl', 'TL'],
  ['wl', 'WL'],
  ['all', 'ALL (paper)'],
  ['allStrict', 'ALL (strict)'],
  ['f1', 'F1'],
] as const;

/** What each ALL means, for every table that shows both. */
export const ALL_EXPLAINED =
  'ALL (paper): TL right and every gold item predicted, as section 4.1 defines it (extra predicted items do not count against it, so a sequence with no gold items is right whatever is predicted); compare it with Table 1. ALL (strict): also no extra or unreadable predicted items.';

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toFixed(2));

/** One row per task and metric: value, interval, and the paper's numbers for the same dataset. */
export function reportCsv(r: EvalReport): string {
  const models = [...new Set(r.tasks.flatMap((t) => t.paper.map((p) => p.model)))];
  const rows: (string | number)[][] = [['task', 'n', 'metric', 'value', 'ci_low', 'ci_high', 'scpos_protocol_mean', 'paper_dataset', ...models]];
  const rowsFor = (name: string, n: number, scores: Scores, ci: Intervals, dataset: string, paper: readonly PaperResult[], protocol?: ProtocolScores) => {
    for (const [k, label] of METRICS) {
      const fromPaper = models.map((m) => {
        const p = paper.find((x) => x.model === m);
        return p && (k === 'tl' || k === 'wl' || k === 'all') ? num(p[k]) : '';
      });
      rows.push([name, n, label, num(scores[k]), num(ci[k]?.[0]), num(ci[k]?.[1]), num(protocol?.mean[k]), dataset, ...fromPaper]);
    }
  };
  for (const t of r.tasks) rowsFor(t.task, t.scores.n, t.scores, t.intervals, t.dataset, t.paper, t.protocol);
  rowsFor('overall', r.overall.scores.n, r.overall.scores, r.overall.intervals, '', []);
  return Papa.unparse(rows, { newline: '\n' });
}

/**
 * The report as JSON, in pieces to write one after another: the scores indented, then one document a
 * line. A report of 187,028 documents never exists as one indented string (that string, and its copies on
 * the way out, were most of the memory).
 */
export function* reportJsonChunks(r: EvalReport, chunkChars = 1 << 20): Generator<string> {
  const { documents, ...rest } = r;
  const head = JSON.stringify(rest, null, 2);
  let chunk = `${head.slice(0, -2)},\n  "documents": [`;
  for (let i = 0; i < documents.length; i++) {
    chunk += `${i === 0 ? '' : ','}\n    ${JSON.stringify(documents[i])}`;
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${documents.length ? '\n  ' : ''}]\n}`;
}

export function reportJson(r: EvalReport): string {
  return [...reportJsonChunks(r)].join('');
}

const cell = (v: number | null, ci: Intervals[keyof Intervals]) => (v === null ? 'n/a' : ci ? `${v.toFixed(2)} [${ci[0].toFixed(2)}–${ci[1].toFixed(2)}]` : v.toFixed(2));
const mdEscape = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
const itemText = (i: Item) => i.join(';');

/** A report to paste into a paper draft or an issue: the score table, the paper's rows, and the documents that differ. */
export function reportMarkdown(r: EvalReport): string {
  const lines = [
    '# GIELLM evaluation report',
    '',
    `Items matched as ${r.match.duplicates}, ${r.match.normalize === 'nfkc' ? 'NFKC-normalised' : 'as written'}. Percent, with 95% bootstrap intervals over sequences (${r.samples} resamples, stratified by task).`,
    '',
    `| task | n | ${METRICS.map(([, h]) => h).join(' | ')} |`,
    '|---|---|---|---|---|---|---|',
    ...r.tasks.map((t) => `| ${t.task} | ${t.scores.n} | ${METRICS.map(([k]) => cell(t.scores[k], t.intervals[k])).join(' | ')} |`),
    `| overall | ${r.overall.scores.n} | ${METRICS.map(([k]) => cell(r.overall.scores[k], r.overall.intervals[k])).join(' | ')} |`,
    '',
    ALL_EXPLAINED,
    '',
    ...r.tasks.map((t) => `- ${t.task}: Cohen's kappa of the category, gold against predictions: ${t.categoryKappa === null ? 'undefined (one category throughout)' : t.categoryKappa.toFixed(3)}`),
    ...r.tasks
      .filter((t) => TASKS[t.task].shape === 'pairs')
      .map((t) => `- ${t.task}: Cohen's kappa of the spans, character by character: ${t.spanKappa === null ? 'undefined (no spans with offsets, or one label throughout)' : t.spanKappa.toFixed(3)}${t.spansWithoutOffsets ? ` (${t.spansWithoutOffsets} spans without offsets left out)` : ''}`),
  ];
  const flagged = r.tasks.filter((t) => t.truncated > 0 || t.unreadable > 0);
  if (flagged.length) {
    lines.push('');
    for (const t of flagged) lines.push(`- ${t.task}: ${t.truncated} prediction(s) cut at the token limit, ${t.unreadable} unreadable predicted piece(s) (scored as wrong predictions)`);
  }
  const withProtocol = r.tasks.filter((t) => t.protocol);
  if (withProtocol.length) {
    lines.push('', "## SCPOS, as the paper scored it (mean of three seeded random subsets)", '', `| task | subset size | ${METRICS.map(([, h]) => h).join(' | ')} |`, '|---|---|---|---|---|---|---|');
    for (const t of withProtocol) lines.push(`| ${t.task} | ${t.protocol!.size} | ${METRICS.map(([k]) => num(t.protocol!.mean[k]) || 'n/a').join(' | ')} |`);
  }
  const datasets = [...new Map(r.tasks.map((t) => [t.dataset, t.paper])).entries()];
  if (datasets.length) {
    lines.push('', "## The paper's Table 1 (TL / WL / ALL)", '', mdEscape(r.caption), '', '| dataset | model | TL | WL | ALL |', '|---|---|---|---|---|');
    for (const [dataset, paper] of datasets) for (const p of paper) lines.push(`| ${mdEscape(dataset)} | ${p.model} | ${num(p.tl)} | ${num(p.wl)} | ${num(p.all)} |`);
  }
  lines.push('', '## Per label (word level)', '', '| task | label | gold | predicted | matched | P | R | F1 |', '|---|---|---|---|---|---|---|---|');
  for (const t of r.tasks) for (const l of t.labels) lines.push(`| ${t.task} | ${mdEscape(l.label)} | ${l.gold} | ${l.pred} | ${l.matched} | ${num(l.precision)} | ${num(l.recall)} | ${num(l.f1)} |`);
  if (r.unscorable.length) {
    lines.push('', `## Gold records not scored (${r.unscorable.length})`, '');
    for (const u of r.unscorable) lines.push(`- **${mdEscape(u.id)}** (${u.task}): ${mdEscape(u.reason)}`);
  }
  const wrong = r.documents.filter(differs);
  lines.push('', `## Documents with differences (${wrong.length} of ${r.documentCount})`, '');
  for (const d of wrong) {
    lines.push(`- **${mdEscape(d.id)}** (${d.task}) ${mdEscape(d.text.slice(0, 60))}`);
    if (!d.tlCorrect) lines.push(`  - category: gold ${mdEscape(d.gold ?? '∅')}, predicted ${mdEscape(d.pred ?? '∅')}`);
    for (const m of d.missing) lines.push(`  - missing: ${mdEscape(itemText(m))}`);
    for (const e of d.extra) lines.push(`  - extra: ${mdEscape(itemText(e))}`);
    for (const w of d.wrongLabel) lines.push(`  - wrong label: ${mdEscape(itemText(w.gold))} → ${mdEscape(itemText(w.pred))}`);
    if (d.unreadable) lines.push(`  - unreadable predicted pieces: ${d.unreadable}`);
    if (d.truncated) lines.push('  - the prediction was cut at the token limit');
  }
  return lines.join('\n') + '\n';
}

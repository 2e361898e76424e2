import type { LocatedExtraction } from '../domain/types.ts';
import { labelsOf, type CorpusDocument } from './document.ts';
import { itemIdentity } from '../annotate/provenance.ts';

/** Why a document's annotation may be wrong, each with its weight in the doubt score. */
export type DoubtReason = 'flagged' | 'truncated' | 'warnings' | 'category' | 'disagreement' | 'suggestions' | 'skipped';

const WEIGHT: Readonly<Record<DoubtReason, number>> = { flagged: 8, truncated: 4, warnings: 2, category: 2, disagreement: 1, suggestions: 1, skipped: 1 };

/** A label says something about the category only once this many other reference documents show it. */
export const MIN_LABEL_SUPPORT = 5;
/** Below this many reviewed documents of a task, every document of it is the reference (reviewed ones are trusted above it). */
export const MIN_REVIEWED = 10;

/**
 * Which categories the corpus shows each word-level label with, per task: learned from the reviewed documents
 * where a task has enough of them, else from all of its documents (imported gold, predictions alike).
 */
export interface CategoryEvidence {
  /** Per task: label → how many reference documents show it, and with which category how often. */
  readonly byTask: ReadonlyMap<string, ReadonlyMap<string, { docs: number; withCategory: ReadonlyMap<string, number> }>>;
  /** Per task: whether reviewed documents alone are the reference. */
  readonly reviewedOnly: ReadonlyMap<string, boolean>;
}

type Summary = Pick<CorpusDocument, 'task' | 'category' | 'labels' | 'reviewed'> & Partial<Pick<CorpusDocument, 'annotation'>>;

/**
 * The labels a document shows: its summary's, else (stored before the summary kept them) its correction's,
 * which needs no parsing; an imported output not yet summarised counts for nothing until it changes.
 */
const labelsOfDoc = (d: Summary): readonly string[] | undefined => d.labels ?? (d.annotation ? labelsOf(d.annotation) : undefined);

export function categoryEvidence(docs: readonly Summary[]): CategoryEvidence {
  const reviewed = new Map<string, number>();
  for (const d of docs) if (d.reviewed === 1) reviewed.set(d.task, (reviewed.get(d.task) ?? 0) + 1);
  const reviewedOnly = new Map([...reviewed].map(([task, n]) => [task, n >= MIN_REVIEWED]));
  const byTask = new Map<string, Map<string, { docs: number; withCategory: Map<string, number> }>>();
  for (const d of docs) {
    const own = labelsOfDoc(d);
    if (d.category === null || !own?.length || (reviewedOnly.get(d.task) && d.reviewed !== 1)) continue;
    const labels = byTask.get(d.task) ?? byTask.set(d.task, new Map()).get(d.task)!;
    for (const label of own) {
      const e = labels.get(label) ?? labels.set(label, { docs: 0, withCategory: new Map() }).get(label)!;
      e.docs++;
      e.withCategory.set(d.category, (e.withCategory.get(d.category) ?? 0) + 1);
    }
  }
  return { byTask, reviewedOnly };
}

/**
 * The category disagrees with the labels seen: each of the document's labels that other reference documents
 * show often enough was never shown with this category. The document itself is left out of the counts, so a
 * corpus never vouches for a document by that document alone.
 */
export function categoryDisagrees(d: Summary, ev: CategoryEvidence): boolean {
  const labels = ev.byTask.get(d.task);
  const shown = labelsOfDoc(d);
  if (!labels || d.category === null || !shown?.length) return false;
  const own = d.reviewed === 1 || !ev.reviewedOnly.get(d.task) ? 1 : 0;
  let supported = 0;
  for (const label of shown) {
    const e = labels.get(label);
    if (!e || e.docs - own < MIN_LABEL_SUPPORT) continue;
    supported++;
    if ((e.withCategory.get(d.category) ?? 0) - own > 0) return false;
  }
  return supported > 0;
}

const NO_EVIDENCE: CategoryEvidence = { byTask: new Map(), reviewedOnly: new Map() };

const itemKeys = (x: LocatedExtraction) => new Set([...x.entities, ...x.relations, ...x.events].map(itemIdentity));

/** How many items one extraction has that the other does not (either way), and a category that differs. */
export function disagreement(a: LocatedExtraction, b: LocatedExtraction): number {
  const [ka, kb] = [itemKeys(a), itemKeys(b)];
  let n = a.category === b.category ? 0 : 1;
  for (const k of ka) if (!kb.has(k)) n++;
  for (const k of kb) if (!ka.has(k)) n++;
  return n;
}

/**
 * How doubtful a document's current annotation is, and why: a flag, an output cut at its token limit,
 * parse warnings, a category the corpus never shows with the labels seen (`categoryDisagrees`), a person's annotation that disagrees with the model's prediction (items one has and the
 * other not), a model's items nobody decided on, a skip. Reviewed documents are not doubtful unless flagged.
 */
export function doubtOf(d: CorpusDocument, evidence: CategoryEvidence = NO_EVIDENCE): { score: number; reasons: DoubtReason[] } {
  const counts: [DoubtReason, number][] = [
    ['flagged', d.flagged === 1 ? 1 : 0],
    ['truncated', d.outputTruncated && !d.annotation ? 1 : 0],
    ['warnings', d.reviewed === 1 ? 0 : d.warnings],
    ['category', categoryDisagrees(d, evidence) ? 1 : 0],
    ['disagreement', d.annotation && d.prediction ? disagreement(d.annotation, d.prediction.extraction) : 0],
    ['suggestions', !d.annotation && !d.output && d.prediction && d.reviewed !== 1 ? 1 : 0],
    ['skipped', d.skipped === 1 ? 1 : 0],
  ];
  const present = counts.filter(([reason, n]) => n > 0 && (reason === 'flagged' || d.reviewed !== 1 || reason === 'disagreement'));
  return { score: present.reduce((s, [reason, n]) => s + WEIGHT[reason] * n, 0), reasons: present.map(([r]) => r) };
}

/** The documents, most doubtful first (ties keep their order): a review queue, weighed against `evidence` (the whole corpus's). */
export function mostDoubtfulFirst(docs: readonly CorpusDocument[], evidence: CategoryEvidence = categoryEvidence(docs)): CorpusDocument[] {
  const scored = docs.map((d, i) => ({ d, i, s: doubtOf(d, evidence).score }));
  return scored.sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.d);
}

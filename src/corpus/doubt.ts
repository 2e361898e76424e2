import type { LocatedExtraction } from '../domain/types.ts';
import type { CorpusDocument } from './document.ts';
import { itemIdentity } from '../annotate/provenance.ts';

/** Why a document's annotation may be wrong, each with its weight in the doubt score. */
export type DoubtReason = 'flagged' | 'truncated' | 'warnings' | 'disagreement' | 'suggestions' | 'skipped';

const WEIGHT: Readonly<Record<DoubtReason, number>> = { flagged: 8, truncated: 4, warnings: 2, disagreement: 1, suggestions: 1, skipped: 1 };

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
 * parse warnings, a person's annotation that disagrees with the model's prediction (items one has and the
 * other not), a model's items nobody decided on, a skip. Reviewed documents are not doubtful unless flagged.
 */
export function doubtOf(d: CorpusDocument): { score: number; reasons: DoubtReason[] } {
  const counts: [DoubtReason, number][] = [
    ['flagged', d.flagged === 1 ? 1 : 0],
    ['truncated', d.outputTruncated && !d.annotation ? 1 : 0],
    ['warnings', d.reviewed === 1 ? 0 : d.warnings],
    ['disagreement', d.annotation && d.prediction ? disagreement(d.annotation, d.prediction.extraction) : 0],
    ['suggestions', !d.annotation && !d.output && d.prediction && d.reviewed !== 1 ? 1 : 0],
    ['skipped', d.skipped === 1 ? 1 : 0],
  ];
  const present = counts.filter(([reason, n]) => n > 0 && (reason === 'flagged' || d.reviewed !== 1 || reason === 'disagreement'));
  return { score: present.reduce((s, [reason, n]) => s + WEIGHT[reason] * n, 0), reasons: present.map(([r]) => r) };
}

/** The documents, most doubtful first (ties keep their order): a review queue. */
export function mostDoubtfulFirst(docs: readonly CorpusDocument[]): CorpusDocument[] {
  const scored = docs.map((d, i) => ({ d, i, s: doubtOf(d).score }));
  return scored.sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.d);
}

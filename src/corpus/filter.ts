import type { TaskId } from '../domain/types.ts';
import type { CorpusDocument } from './document.ts';
import { searchFold } from '../text/nfkc.ts';

export interface DocumentFilter {
  task: TaskId | 'all';
  /** Words that must all appear in the text or the output (width-insensitive). */
  query: string;
  output: 'any' | 'with' | 'without';
  /** A category, `none` for documents without one, or all. */
  category: string;
  /** Reviewed or not, or where the review left it: flagged, skipped, commented. */
  reviewed: 'any' | 'yes' | 'no' | 'flagged' | 'skipped' | 'commented';
  warnings: 'any' | 'with' | 'without';
}

export const ANY_CATEGORY = '*';
export const NO_CATEGORY = '';
export const NO_FILTER: DocumentFilter = { task: 'all', query: '', output: 'any', category: ANY_CATEGORY, reviewed: 'any', warnings: 'any' };

const hasOutput = (d: CorpusDocument) => Boolean(d.output || d.annotation || d.prediction);

/**
 * Each document's text and output as search compares them, made once per document object: typing a query
 * filters the whole corpus on every keystroke. A document changed in place (a new output) is folded again.
 */
interface Folded {
  text: string;
  output: string | null;
  foldedText: string;
  foldedOutput: string;
}
const folded = new WeakMap<CorpusDocument, Folded>();

function foldedOf(d: CorpusDocument): Folded {
  let f = folded.get(d);
  if (f === undefined || f.text !== d.text || f.output !== d.output) {
    f = { text: d.text, output: d.output, foldedText: searchFold(d.text), foldedOutput: d.output ? searchFold(d.output) : '' };
    folded.set(d, f);
  }
  return f;
}

export function filterDocuments(docs: readonly CorpusDocument[], f: DocumentFilter): CorpusDocument[] {
  const words = searchFold(f.query).split(/\s+/).filter(Boolean);
  return docs.filter((d) => {
    if (f.task !== 'all' && d.task !== f.task) return false;
    if (f.output === 'with' && !hasOutput(d)) return false;
    if (f.output === 'without' && hasOutput(d)) return false;
    if (f.category !== ANY_CATEGORY && (d.category ?? NO_CATEGORY) !== f.category) return false;
    if ((f.reviewed === 'yes' || f.reviewed === 'no') && (d.reviewed === 1) !== (f.reviewed === 'yes')) return false;
    if (f.reviewed === 'flagged' && d.flagged !== 1) return false;
    if (f.reviewed === 'skipped' && d.skipped !== 1) return false;
    if (f.reviewed === 'commented' && !d.comment) return false;
    if (f.warnings !== 'any' && d.warnings > 0 !== (f.warnings === 'with')) return false;
    if (words.length === 0) return true;
    // A word holds no whitespace, so it can never match across the text and the output: each is searched alone.
    const { foldedText, foldedOutput } = foldedOf(d);
    return words.every((w) => foldedText.includes(w) || foldedOutput.includes(w));
  });
}

/** The categories present, for the filter's choices. */
export function categoriesOf(docs: readonly CorpusDocument[]): string[] {
  const seen = new Set<string>();
  for (const d of docs) if (d.category !== null) seen.add(d.category);
  return [...seen].sort();
}

import { emptyExtraction, extract, type FormatProfile, type LocatedExtraction } from '../../../src/index.ts';
import type { StoredDocument } from '../../shared/storage/corpusDb.ts';

/** What the annotator sees and corrects: their correction, else the imported output, else the batch prediction. */
export function currentExtraction(d: StoredDocument, profile: FormatProfile): LocatedExtraction {
  if (d.annotation) return d.annotation;
  if (d.output) return extract(d.output, d.task, profile, d.text);
  return d.prediction?.extraction ?? (emptyExtraction(d.task) as LocatedExtraction);
}

/** The document as gold: a correction or an imported output. A prediction nobody checked is not gold. */
export function goldExtraction(d: StoredDocument, profile: FormatProfile): LocatedExtraction | null {
  if (d.annotation) return d.annotation;
  return d.output ? extract(d.output, d.task, profile, d.text) : null;
}

/** The summary fields the list filters on, for an extraction the document now has. */
export const summaryOf = (x: LocatedExtraction | null) => ({ category: x?.category ?? null, warnings: x?.warnings.length ?? 0 });

import { emptyExtraction, extract, type FormatProfile, type LocatedExtraction } from '../../../src/index.ts';
import type { StoredDocument } from '../../shared/storage/corpusDb.ts';

/** What the annotator sees and corrects: their correction, else the imported output, else the batch prediction. */
export function currentExtraction(d: StoredDocument, profile: FormatProfile): LocatedExtraction {
  return goldExtraction(d, profile) ?? d.prediction?.extraction ?? (emptyExtraction(d.task) as LocatedExtraction);
}

/** The document as gold: a correction or an imported output. A prediction nobody checked is not gold. */
export function goldExtraction(d: StoredDocument, profile: FormatProfile): LocatedExtraction | null {
  if (d.annotation) return d.annotation;
  return d.output ? extract(d.output, d.task, profile, d.text, false, { truncated: d.outputTruncated === true }) : null;
}

import type { AnnotatedDocument } from './document.ts';

/** The app's Extraction export: one `{"id", "text", "extraction", "review"?}` a line, offsets in code points. */
export function toExtractionJsonl(docs: readonly AnnotatedDocument[]): string[] {
  return docs.map((d) => JSON.stringify({ id: d.id, text: d.text, extraction: d.extraction, ...(d.review ? { review: d.review } : {}) }));
}

import type { LocatedExtraction } from '../domain/types.ts';

/** A text with its (located) extraction: the unit every import and export format carries. */
export interface AnnotatedDocument {
  id: string | null;
  text: string;
  extraction: LocatedExtraction;
  /** Where an import found it: the 1-based line of a line-based file. */
  line?: number;
}

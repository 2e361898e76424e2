import type { LocatedExtraction, TaskId } from '../domain/types.ts';

/** Whose work an annotation is: a person's (corrected, reviewed, or imported as gold) or a model's, unreviewed. */
export type Origin = { kind: 'human' } | { kind: 'model'; model: string };

/**
 * What a review left on a document as a whole: reviewed (by whom, when), flagged, skipped, a comment. Every
 * field is absent where it does not apply.
 */
export interface Review {
  reviewed?: true;
  by?: string;
  at?: number;
  flagged?: true;
  skipped?: true;
  comment?: string;
}

/** A text with its (located) extraction: the unit every import and export format carries. */
export interface AnnotatedDocument {
  id: string | null;
  text: string;
  extraction: LocatedExtraction;
  /** Where an import found it: the 1-based line of a line-based file. */
  line?: number;
  /** Absent: a person's. */
  origin?: Origin;
  /** What a review left on it; absent when nothing (only the Extraction JSONL format keeps it). */
  review?: Review;
  /**
   * Set by a reader when the content does not name the task: `extraction.task` is then provisional and
   * the import asks which of these it is.
   */
  candidates?: TaskId[];
}

import type { LocatedExtraction } from '../domain/types.ts';
import type { FormatProfile } from '../format/profile.ts';
import type { EvalPair } from '../metrics/report.ts';

import { currentExtraction, goldExtraction, type CorpusDocument } from './document.ts';

/** Whether two records hold the same text: equal once line endings and surrounding space are set aside (the CLI and the app alike). */
export const sameText = (a: string, b: string) => a === b || a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

/** Where predictions come from: a batch run over the gold documents, or another imported file. */
export type PredictionSource = { kind: 'batch' } | { kind: 'file'; source: string };

export interface Pairing {
  pairs: EvalPair[];
  /** The stored document behind each pair's id, to open it from the report. */
  documentIds: Map<string, number>;
  /** Gold documents left out, and why, for the user to see. */
  noGold: number;
  noPrediction: number;
  /** Pairs by record id whose texts differ: refused, since they cannot be the same document's. */
  textMismatch: number;
}

/**
 * Pairs the gold documents of one source with their predictions. From another file, a document pairs by
 * its record id where both sides have one, else by the same text and task; an id pair whose texts differ
 * is refused and counted (a shuffled or mislabelled file would otherwise score as if it were right).
 */
export function pairDocuments(docs: readonly CorpusDocument[], goldSource: string, from: PredictionSource, profile: FormatProfile): Pairing {
  const gold = docs.filter((d) => d.source === goldSource);
  const others = from.kind === 'file' ? docs.filter((d) => d.source === from.source) : [];
  const key = (d: CorpusDocument, s: string) => `${d.task}\u241f${s}`;
  const byId = new Map(others.filter((d) => d.recordId !== null).map((d) => [key(d, d.recordId!), d]));
  const byText = new Map(others.map((d) => [key(d, d.text), d]));
  const pairs: EvalPair[] = [];
  const documentIds = new Map<string, number>();
  let noGold = 0;
  let noPrediction = 0;
  let textMismatch = 0;
  for (const d of gold) {
    const g = goldExtraction(d, profile);
    if (!g) {
      noGold++;
      continue;
    }
    let pred: LocatedExtraction | null;
    if (from.kind === 'batch') pred = d.prediction?.extraction ?? null;
    else {
      const other = (d.recordId !== null ? byId.get(key(d, d.recordId)) : undefined) ?? byText.get(key(d, d.text));
      if (other && !sameText(other.text, d.text)) {
        textMismatch++;
        continue;
      }
      pred = other ? currentExtraction(other, profile) : null;
    }
    if (!pred) {
      noPrediction++;
      continue;
    }
    const id = d.recordId ?? `${d.source}:${d.line ?? d.id}`;
    pairs.push({ id, text: d.text, task: d.task, gold: g, pred });
    documentIds.set(id, d.id!);
  }
  return { pairs, documentIds, noGold, noPrediction, textMismatch };
}

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
  /**
   * Gold documents refused because their pairing is ambiguous: the gold repeats (the same id, or the same
   * text and task, twice: a file imported twice) or two predictions would answer it.
   */
  ambiguous: number;
}

/**
 * Pairs the gold documents of one source with their predictions. From another file, a document pairs by
 * its record id where both sides have one, else by the same text and task; an id pair whose texts differ
 * is refused and counted (a shuffled or mislabelled file would otherwise score as if it were right). A
 * pairing that is not one to one (a repeated gold document, two candidate predictions) is refused and
 * counted too: scoring it would count one document twice.
 */
export function pairDocuments(docs: readonly CorpusDocument[], goldSource: string, from: PredictionSource, profile: FormatProfile): Pairing {
  const gold = docs.filter((d) => d.source === goldSource);
  const others = from.kind === 'file' ? docs.filter((d) => d.source === from.source) : [];
  const key = (d: CorpusDocument, s: string) => `${d.task}\u241f${s}`;
  const group = (list: readonly CorpusDocument[], k: (d: CorpusDocument) => string | null) => {
    const m = new Map<string, CorpusDocument[]>();
    for (const d of list) {
      const v = k(d);
      if (v !== null) m.set(v, [...(m.get(v) ?? []), d]);
    }
    return m;
  };
  const idKey = (d: CorpusDocument) => (d.recordId === null ? null : key(d, d.recordId));
  const byId = group(others, idKey);
  const byText = group(others, (d) => key(d, d.text));
  // A gold document is one of a kind by its id where it has one, else by its text and task.
  const goldKey = (d: CorpusDocument) => idKey(d) ?? `text\u241f${key(d, d.text)}`;
  const goldCount = group(gold, goldKey);
  const pairs: EvalPair[] = [];
  const documentIds = new Map<string, number>();
  let noGold = 0;
  let noPrediction = 0;
  let textMismatch = 0;
  let ambiguous = 0;
  for (const d of gold) {
    const g = goldExtraction(d, profile);
    if (!g) {
      noGold++;
      continue;
    }
    if (goldCount.get(goldKey(d))!.length > 1) {
      ambiguous++;
      continue;
    }
    let pred: LocatedExtraction | null;
    if (from.kind === 'batch') pred = d.prediction?.extraction ?? null;
    else {
      const candidates = (d.recordId !== null ? byId.get(key(d, d.recordId)) : undefined) ?? byText.get(key(d, d.text)) ?? [];
      if (candidates.length > 1) {
        ambiguous++;
        continue;
      }
      const other = candidates[0];
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
  return { pairs, documentIds, noGold, noPrediction, textMismatch, ambiguous };
}

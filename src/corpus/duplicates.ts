import type { CorpusDocument } from './document.ts';

/**
 * What an import repeats of a corpus: a document with the same text and task, or the same record id, as
 * one already there. `ids` gives the stored documents a new one repeats (to replace them).
 */
export function duplicateKeys(existing: readonly CorpusDocument[]): { has(d: CorpusDocument): boolean; ids(d: CorpusDocument): number[] } {
  const byText = new Map<string, number[]>();
  const byId = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, id: number) => m.set(k, [...(m.get(k) ?? []), id]);
  for (const d of existing) {
    add(byText, `${d.task}\u241f${d.text}`, d.id!);
    if (d.recordId !== null) add(byId, d.recordId, d.id!);
  }
  const ids = (d: CorpusDocument) => [...new Set([...(byText.get(`${d.task}\u241f${d.text}`) ?? []), ...(d.recordId === null ? [] : (byId.get(d.recordId) ?? []))])];
  return { has: (d) => ids(d).length > 0, ids };
}

import type { TaskId } from '../../../src/index.ts';
import type { StoredDocument } from '../../shared/storage/corpusDb.ts';

export interface DocumentFilter {
  task: TaskId | 'all';
  /** Words that must all appear in the text or the output (width-insensitive). */
  query: string;
  output: 'any' | 'with' | 'without';
}

export const NO_FILTER: DocumentFilter = { task: 'all', query: '', output: 'any' };

export function filterDocuments(docs: readonly StoredDocument[], f: DocumentFilter): StoredDocument[] {
  const words = f.query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  return docs.filter((d) => {
    if (f.task !== 'all' && d.task !== f.task) return false;
    if (f.output === 'with' && !d.output) return false;
    if (f.output === 'without' && d.output) return false;
    if (words.length === 0) return true;
    const hay = `${d.text}\n${d.output ?? ''}`.normalize('NFKC').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

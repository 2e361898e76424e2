import { create } from 'zustand';
import { asAnnotation } from '../../../src/annotate/edits.ts';
import type { LocatedExtraction, TaskId } from '../../../src/index.ts';
import { summaryOf, type StoredDocument } from '../../shared/storage/corpusDb.ts';
import { useCorpusStore } from '../corpus/corpusStore.ts';
import { currentExtraction } from '../corpus/documents.ts';
import { useProfileStore } from '../profile/profileStore.ts';

/** How many corrections undo remembers per document. */
const HISTORY = 200;

interface AnnotateState {
  docId: number | null;
  text: string;
  task: TaskId;
  current: LocatedExtraction | null;
  past: LocatedExtraction[];
  future: LocatedExtraction[];
  /** The entity the keyboard acts on. */
  selected: number | null;
  /** The text the user has selected, in code points, for a new span or a tuple argument. */
  selection: readonly [number, number] | null;
  /** The ids the editor steps through (the list as filtered when the document was opened). */
  queue: number[];
  open(doc: StoredDocument, queue?: number[]): void;
  close(): void;
  /** Applies a correction: it is saved at once, and undo can take it back. */
  apply(edit: (x: LocatedExtraction, text: string) => LocatedExtraction): void;
  undo(): void;
  redo(): void;
  select(i: number | null): void;
  setSelection(range: readonly [number, number] | null): void;
  /** Marks the document reviewed (its current extraction becomes its annotation) and opens the next one. */
  reviewAndNext(): Promise<void>;
  next(step: 1 | -1): void;
}

/** The id of the document `step` places from the open one in the queue, if there is one. */
export function neighbourOf({ queue, docId }: Pick<AnnotateState, 'queue' | 'docId'>, step: 1 | -1): number | undefined {
  const at = docId === null ? -1 : queue.indexOf(docId);
  return at === -1 ? undefined : queue[at + step];
}

const save = (id: number, x: LocatedExtraction, extra: Partial<StoredDocument> = {}) => {
  const annotation = asAnnotation(x);
  return useCorpusStore.getState().update(id, { annotation, ...summaryOf(annotation), ...extra });
};

export const useAnnotateStore = create<AnnotateState>((set, get) => {
  // Each document keeps its history while the page lives: going to the next one and back can still undo.
  const histories = new Map<number, { past: LocatedExtraction[]; future: LocatedExtraction[] }>();
  const keepHistory = () => {
    const { docId, past, future } = get();
    if (docId !== null) histories.set(docId, { past, future });
  };
  const replaceWith = (x: LocatedExtraction, past: LocatedExtraction[], future: LocatedExtraction[]) => {
    const { docId, selected } = get();
    if (docId === null) return;
    const count = x.entities.length;
    set({ current: x, past, future, selected: selected === null || count === 0 ? null : Math.min(selected, count - 1) });
    void save(docId, x);
  };
  return {
    docId: null,
    text: '',
    task: 'ner',
    current: null,
    past: [],
    future: [],
    selected: null,
    selection: null,
    queue: [],
    open: (doc, queue) => {
      keepHistory();
      const kept = histories.get(doc.id!);
      const current = currentExtraction(doc, useProfileStore.getState().profile);
      // A history only fits the extraction it was built on (an import or a batch may have replaced it since).
      const fits = kept && kept.past.length + kept.future.length > 0 && doc.annotation !== null;
      set({
        docId: doc.id!,
        text: doc.text,
        task: doc.task,
        current,
        past: fits ? kept.past : [],
        future: fits ? kept.future : [],
        selected: null,
        selection: null,
        queue: queue ?? get().queue,
      });
    },
    close: () => {
      keepHistory();
      set({ docId: null, current: null, past: [], future: [], selected: null, selection: null });
    },
    apply: (edit) => {
      const { current, text, past } = get();
      if (!current) return;
      const next = edit(current, text);
      if (next === current) return;
      replaceWith(next, [...past, current].slice(-HISTORY), []);
    },
    undo: () => {
      const { past, current, future } = get();
      if (!past.length || !current) return;
      replaceWith(past.at(-1)!, past.slice(0, -1), [current, ...future]);
    },
    redo: () => {
      const { past, current, future } = get();
      if (!future.length || !current) return;
      replaceWith(future[0]!, [...past, current], future.slice(1));
    },
    select: (i) => set({ selected: i }),
    setSelection: (selection) => set({ selection }),
    reviewAndNext: async () => {
      const { docId, current } = get();
      if (docId === null || !current) return;
      if (await save(docId, current, { reviewed: 1 })) get().next(1);
    },
    next: (step) => {
      const id = neighbourOf(get(), step);
      const doc = id === undefined ? undefined : useCorpusStore.getState().documents.find((d) => d.id === id);
      if (doc) get().open(doc);
    },
  };
});

/** The word labels number keys pick from, for the open document's task, as the format profile lists them (1 is the first). */
export const labelChoices = (task: TaskId): readonly string[] => useProfileStore.getState().profile.wordLabels[task];

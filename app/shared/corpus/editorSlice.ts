import type { StateCreator } from 'zustand';
import type { LocatedExtraction, TaskId } from '../../../src/index.ts';
import { asAnnotation } from '../../../src/annotate/edits.ts';
import { acceptSuggestions, stampEdits } from '../../../src/annotate/provenance.ts';
import { useAnnotatorStore } from './annotatorStore.ts';
import { currentExtraction } from '../../../src/corpus/document.ts';
import { useProfileStore } from '../profile/profileStore.ts';
import type { CorpusState, EditorSlice } from './types.ts';
import type { CorpusDocument } from '../../../src/corpus/document.ts';

/**
 * How much undo remembers per document: saved states up to a million items in all (about 100 MB), so a
 * short document keeps every step and a 5,000-span article its last 200; when steps are dropped the
 * editor says so (`historyTrimmed`). README "Correct" states the bound.
 */
export const HISTORY_ITEMS = 1_000_000;
/** A document this long (characters) opens read-only: every edit re-lays out the whole text. */
export const MAX_EDIT_CHARS = 200_000;

const itemsIn = (x: LocatedExtraction) => x.entities.length + x.relations.length + x.events.length + 1;

/** The newest states of `past` that fit HISTORY_ITEMS, and whether older ones were dropped. */
function bounded(past: LocatedExtraction[]): { past: LocatedExtraction[]; trimmed: boolean } {
  let total = 0;
  let from = past.length;
  while (from > 0 && total + itemsIn(past[from - 1]!) <= HISTORY_ITEMS) total += itemsIn(past[--from]!);
  return from === 0 ? { past, trimmed: false } : { past: past.slice(from), trimmed: true };
}

/** The id of the document `step` places from the open one in the queue, if there is one. */
export function neighbourOf({ queue, docId }: Pick<EditorSlice, 'queue' | 'docId'>, step: 1 | -1): number | undefined {
  const at = docId === null ? -1 : queue.indexOf(docId);
  return at === -1 ? undefined : queue[at + step];
}

/** The word labels number keys pick from, for a task, as the format profile lists them (1 is the first). */
export const labelChoices = (task: TaskId): readonly string[] => useProfileStore.getState().profile.wordLabels[task];

export const createEditorSlice: StateCreator<CorpusState, [], [], EditorSlice> = (set, get) => {
  // Each document keeps its history while the page lives: going to the next one and back can still undo.
  const histories = new Map<number, { past: LocatedExtraction[]; future: LocatedExtraction[] }>();
  const keepHistory = () => {
    const { docId, past, future } = get();
    if (docId !== null) histories.set(docId, { past, future });
  };
  // One save at a time, in the order of the edits, each over the revision the one before it wrote (or the
  // editor opened): quick edits never conflict with each other, the last edit is the one stored, a change
  // another tab saved since is a conflict, never overwritten, and a save queued before the user moved on
  // is still made.
  let saving: Promise<unknown> = Promise.resolve();
  /** Saves queued or running: while there are any, this tab's own edit is on its way and the store is not followed. */
  let inFlight = 0;
  const written = new Map<number, number>();
  const save = (id: number, x: LocatedExtraction, extra: Partial<CorpusDocument> = {}): Promise<boolean> => write(id, { annotation: asAnnotation(x), ...extra });
  /** Writes a patch of the open document in the queue of saves (a correction, or a review mark). */
  const write = (id: number, patch: Partial<CorpusDocument>): Promise<boolean> => {
    const opened = get().editorRev;
    inFlight++;
    const run = saving.then(async () => {
      try {
        const ok = await get().update(id, patch, written.get(id) ?? opened);
        const rev = get().documents.find((d) => d.id === id)?.rev ?? 0;
        if (ok) written.set(id, rev);
        if (ok && get().docId === id) set({ editorRev: rev });
        return ok;
      } finally {
        inFlight--;
      }
    });
    saving = run;
    return run;
  };
  const replaceWith = (x: LocatedExtraction, past: LocatedExtraction[], future: LocatedExtraction[]) => {
    const { docId, selected } = get();
    if (docId === null) return;
    const count = x.entities.length;
    // An arc selected stays selected while its item is still there.
    const arc = get().arc;
    set({ current: x, past, future, propagated: null, linking: null, arc: arc && x[arc.kind][arc.item] ? arc : null, selected: selected === null || count === 0 ? null : Math.min(selected, count - 1) });
    void save(docId, x);
  };
  return {
    docId: null,
    editorText: '',
    editorTask: 'ner',
    current: null,
    past: [],
    future: [],
    selected: null,
    selection: null,
    caret: null,
    mention: null,
    linking: null,
    arc: null,
    propagated: null,
    queue: [],
    editorRev: 0,
    editorReadOnly: false,
    historyTrimmed: false,
    updatedElsewhere: false,
    followStored: () => {
      const { docId, documents, conflict, editorRev } = get();
      if (docId === null || conflict || inFlight > 0) return;
      const doc = documents.find((d) => d.id === docId);
      if (!doc || (doc.rev ?? 0) <= (written.get(docId) ?? editorRev)) return;
      // Another tab saved this document since: show what it saved. This tab's undo history was built on the
      // version before, so it ends here (an undo would silently take the other tab's work back).
      histories.delete(docId);
      written.delete(docId);
      set({ current: currentExtraction(doc, useProfileStore.getState().profile), editorRev: doc.rev ?? 0, past: [], future: [], selected: null, linking: null, arc: null, propagated: null, updatedElsewhere: true });
    },
    openEditor: (doc, queue) => {
      keepHistory();
      // Opened afresh: corrections go over the revision it is at now (a conflict, if another tab moved it on).
      written.delete(doc.id!);
      const kept = histories.get(doc.id!);
      const current = currentExtraction(doc, useProfileStore.getState().profile);
      // A history only fits the extraction it was built on (an import or a batch may have replaced it since).
      const fits = kept && kept.past.length + kept.future.length > 0 && doc.annotation !== null;
      set({
        docId: doc.id!,
        editorRev: doc.rev ?? 0,
        editorReadOnly: doc.text.length > MAX_EDIT_CHARS,
        historyTrimmed: false,
        updatedElsewhere: false,
        editorText: doc.text,
        editorTask: doc.task,
        current,
        past: fits ? kept.past : [],
        future: fits ? kept.future : [],
        selected: null,
        selection: null,
        mention: null,
        linking: null,
        arc: null,
        propagated: null,
        queue: queue ?? get().queue,
      });
    },
    closeEditor: () => {
      keepHistory();
      set({ docId: null, current: null, past: [], future: [], selected: null, selection: null, mention: null, linking: null, arc: null });
    },
    apply: (edit) => {
      const { current, editorText, past, editorReadOnly } = get();
      if (!current || editorReadOnly) return current;
      const who = { name: useAnnotatorStore.getState().name, at: Date.now() };
      const edited = edit(current, editorText, who);
      if (edited === current) return current;
      const next = stampEdits(current, edited, who.name, who.at);
      const kept = bounded([...past, current]);
      set({ updatedElsewhere: false, ...(kept.trimmed ? { historyTrimmed: true } : {}) });
      replaceWith(next, kept.past, []);
      return next;
    },
    undo: () => {
      const { past, current, future, editorReadOnly } = get();
      if (!past.length || !current || editorReadOnly) return;
      replaceWith(past.at(-1)!, past.slice(0, -1), [current, ...future]);
    },
    redo: () => {
      const { past, current, future, editorReadOnly } = get();
      if (!future.length || !current || editorReadOnly) return;
      replaceWith(future[0]!, [...past, current], future.slice(1));
    },
    select: (i, caret) => set({ selected: i, caret: caret ?? null }),
    setSelection: (selection) => set({ selection }),
    setPropagated: (propagated) => set({ propagated }),
    // One thing at a time has the keyboard: a mention, or an arc.
    selectMention: (mention) => set({ mention, arc: null }),
    setLinking: (linking) => set({ linking }),
    selectArc: (arc) => set({ arc, mention: null, linking: null }),
    reviewAndNext: async () => {
      // Marking a document reviewed accepts the suggestions left in it: the person has seen them all.
      get().apply((x, _text, who) => acceptSuggestions(x, 'all', who.name, who.at));
      const { docId, current } = get();
      if (docId === null || !current) return;
      // Reviewed by whom and when; a skipped document reviewed is not skipped any more.
      if (await save(docId, current, { reviewed: 1, reviewedBy: useAnnotatorStore.getState().name, reviewedAt: Date.now(), skipped: undefined })) get().step(1);
    },
    markDocument: async (mark) => {
      const { docId } = get();
      if (docId === null) return false;
      const patch: Partial<CorpusDocument> =
        mark.kind === 'unreview'
          ? { reviewed: 0, reviewedBy: undefined, reviewedAt: undefined }
          : mark.kind === 'flag'
            ? { flagged: mark.on ? 1 : undefined }
            : mark.kind === 'comment'
              ? { comment: mark.text.trim() === '' ? undefined : mark.text }
              : { skipped: 1 };
      const ok = await write(docId, patch);
      if (ok && mark.kind === 'skip') get().step(1);
      return ok;
    },
    step: (by) => {
      const id = neighbourOf(get(), by);
      const doc = id === undefined ? undefined : get().documents.find((d) => d.id === id);
      if (doc) get().openEditor(doc);
    },
  };
};

import { TASKS } from '../../../src/index.ts';
import { addSpan, labelAllOccurrences, moveSpanEdge, removeSpan, setSpanRange } from '../../../src/annotate/edits.ts';
import type { Command } from '../../shared/commands/commands.ts';
import { labelChoices, neighbourOf, type CorpusState } from '../../shared/corpus/corpusStore.ts';
import { nextSpanUnder, spansUnder } from '../../shared/spans/lanes.ts';

type LabelId = `label${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`;
export type AnnotateCommandId =
  | LabelId
  | 'undo'
  | 'redo'
  | 'deleteSpan'
  | 'spanEndRight'
  | 'spanEndLeft'
  | 'spanStartLeft'
  | 'spanStartRight'
  | 'spanToSelection'
  | 'nextSpan'
  | 'prevSpan'
  | 'labelAll'
  | 'nextStacked'
  | 'prevStacked'
  | 'reviewNext'
  | 'nextDocument'
  | 'prevDocument';
export type AnnotateCommand = Command<CorpusState, AnnotateCommandId>;

const isOpen = (s: CorpusState) => s.current !== null;
const spanTask = (s: CorpusState) => isOpen(s) && TASKS[s.editorTask].shape === 'pairs';
const hasSelection = (s: CorpusState) => s.selection !== null && s.selection[0] < s.selection[1];
const spanSelected = (s: CorpusState) => spanTask(s) && s.selected !== null && s.selected < (s.current?.entities.length ?? 0);

/** Adds the selected text as a span with the task's label `n` (1-based) and selects the new span. */
export function labelSelection(s: CorpusState, n: number) {
  const { selection, editorTask } = s;
  const label = labelChoices(editorTask)[n - 1];
  if (!selection || !label) return;
  const next = s.apply((x, text) => addSpan(x, text, selection[0], selection[1], label));
  const added = next?.entities.findIndex((e) => e.start === selection[0] && e.end === selection[1] && e.label === label) ?? -1;
  s.select(added === -1 ? null : added);
  s.setSelection(null);
}

/** Labels every other occurrence of the selected span's string, as one undoable edit, and keeps what it added for review. */
export function labelAll(s: CorpusState) {
  const i = s.selected!;
  const span = s.current!.entities[i]!;
  let added: [number, number][] = [];
  s.apply((x, text) => {
    const r = labelAllOccurrences(x, text, i);
    added = r.added;
    return r.extraction;
  });
  s.setPropagated({ label: span.label, text: span.text, ranges: added });
}

const moveEdge = (edge: 'start' | 'end', delta: number) => (s: CorpusState) => {
  const i = s.selected;
  if (i !== null) s.apply((x, text) => moveSpanEdge(x, text, i, edge, delta));
};

const LABELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** Where the selected span was picked, else its start: the point whose stacked spans Tab cycles through. */
const caretOf = (s: CorpusState) => s.caret ?? s.current?.entities[s.selected ?? -1]?.start ?? null;
const stacked = (s: CorpusState) => {
  const at = caretOf(s);
  return spanSelected(s) && at !== null && spansUnder(s.current!.entities, at).length > 1;
};
const cycle = (step: 1 | -1) => (s: CorpusState) => {
  const at = caretOf(s)!;
  s.select(nextSpanUnder(s.current!.entities, at, s.selected, step), at);
};
/** Tab cycles only with the focus in the text (or nowhere): elsewhere it moves the focus, as it should. */
const IN_TEXT = '[data-testid="annotated-text"]';

/**
 * The annotation commands: number keys label the selected text, arrows with Shift move the selected span's
 * ends, and undo/redo take back any correction. Defined once, for the key handler, buttons and the help sheet.
 */
export function annotateCommands(): AnnotateCommand[] {
  const labelCommands = LABELS.map(
    (n): AnnotateCommand => ({
      id: `label${n}`,
      label: `annotate.commands.label${n}`,
      shortcut: { key: String(n) },
      enabled: (s) => spanTask(s) && hasSelection(s) && labelChoices(s.editorTask).length >= n,
      run: (s) => labelSelection(s, n),
    }),
  );
  return [
    ...labelCommands,
    { id: 'undo', label: 'annotate.commands.undo', shortcut: { key: 'z', mod: true }, enabled: (s) => s.past.length > 0, run: (s) => s.undo() },
    { id: 'redo', label: 'annotate.commands.redo', shortcut: { key: 'z', mod: true, shift: true }, enabled: (s) => s.future.length > 0, run: (s) => s.redo() },
    {
      id: 'deleteSpan',
      label: 'annotate.commands.deleteSpan',
      shortcut: { key: 'Delete' },
      enabled: spanSelected,
      run: (s) => {
        const i = s.selected!;
        s.apply((x) => removeSpan(x, i));
      },
    },
    { id: 'spanEndRight', label: 'annotate.commands.spanEndRight', shortcut: { key: 'ArrowRight', shift: true }, enabled: spanSelected, run: moveEdge('end', 1) },
    { id: 'spanEndLeft', label: 'annotate.commands.spanEndLeft', shortcut: { key: 'ArrowLeft', shift: true }, enabled: spanSelected, run: moveEdge('end', -1) },
    { id: 'spanStartLeft', label: 'annotate.commands.spanStartLeft', shortcut: { key: 'ArrowLeft', shift: true, mod: true }, enabled: spanSelected, run: moveEdge('start', -1) },
    { id: 'spanStartRight', label: 'annotate.commands.spanStartRight', shortcut: { key: 'ArrowRight', shift: true, mod: true }, enabled: spanSelected, run: moveEdge('start', 1) },
    {
      id: 'spanToSelection',
      label: 'annotate.commands.spanToSelection',
      shortcut: { key: 's' },
      enabled: (s) => spanSelected(s) && hasSelection(s),
      run: (s) => {
        const i = s.selected!;
        const [start, end] = s.selection!;
        s.apply((x, text) => setSpanRange(x, text, i, start, end));
        s.setSelection(null);
      },
    },
    {
      id: 'nextSpan',
      label: 'annotate.commands.nextSpan',
      shortcut: { key: 'j' },
      enabled: (s) => spanTask(s) && (s.current?.entities.length ?? 0) > 0,
      run: (s) => s.select(Math.min((s.selected ?? -1) + 1, s.current!.entities.length - 1)),
    },
    { id: 'prevSpan', label: 'annotate.commands.prevSpan', shortcut: { key: 'k' }, enabled: (s) => spanTask(s) && (s.selected ?? 0) > 0, run: (s) => s.select(s.selected! - 1) },
    { id: 'labelAll', label: 'annotate.commands.labelAll', shortcut: { key: 'a' }, enabled: (s) => spanSelected(s) && s.current!.entities[s.selected!]!.start !== null, run: labelAll },
    { id: 'nextStacked', label: 'annotate.commands.nextStacked', shortcut: { key: 'Tab', within: IN_TEXT }, enabled: stacked, run: cycle(1) },
    { id: 'prevStacked', label: 'annotate.commands.prevStacked', shortcut: { key: 'Tab', shift: true, within: IN_TEXT }, enabled: stacked, run: cycle(-1) },
    { id: 'reviewNext', label: 'annotate.commands.reviewNext', shortcut: { key: 'r' }, enabled: isOpen, run: (s) => void s.reviewAndNext() },
    { id: 'nextDocument', label: 'annotate.commands.nextDocument', shortcut: { key: 'n' }, enabled: (s) => neighbourOf(s, 1) !== undefined, run: (s) => s.step(1) },
    { id: 'prevDocument', label: 'annotate.commands.prevDocument', shortcut: { key: 'p' }, enabled: (s) => neighbourOf(s, -1) !== undefined, run: (s) => s.step(-1) },
  ];
}

import { TASKS } from '../../../src/index.ts';
import { addSpan, moveSpanEdge, removeSpan, setSpanRange } from '../../../src/annotate/edits.ts';
import type { Command } from '../../shared/commands/commands.ts';
import { labelChoices, neighbourOf, useAnnotateStore } from './annotateStore.ts';

const state = () => useAnnotateStore.getState();
const isOpen = () => state().current !== null;
const spanTask = () => isOpen() && TASKS[state().task].shape === 'pairs';
const hasSelection = () => {
  const s = state().selection;
  return s !== null && s[0] < s[1];
};
const hasNeighbour = (step: 1 | -1) => neighbourOf(state(), step) !== undefined;
const spanSelected = () => spanTask() && state().selected !== null && state().selected! < (state().current?.entities.length ?? 0);

/** Adds the selected text as a span with the task's label `n` (1-based) and selects the new span. */
export function labelSelection(n: number) {
  const { selection, task } = state();
  const label = labelChoices(task)[n - 1];
  if (!selection || !label) return;
  state().apply((x, text) => addSpan(x, text, selection[0], selection[1], label));
  const added = state().current!.entities.findIndex((e) => e.start === selection[0] && e.end === selection[1] && e.label === label);
  state().select(added === -1 ? null : added);
  state().setSelection(null);
}

const moveEdge = (edge: 'start' | 'end', delta: number) => () => {
  const i = state().selected;
  if (i !== null) state().apply((x, text) => moveSpanEdge(x, text, i, edge, delta));
};

/**
 * The annotation commands: number keys label the selected text, arrows with Shift move the selected span's
 * ends, and undo/redo take back any correction. Defined once, for the key handler, buttons and the help sheet.
 */
export function annotateCommands(): Command[] {
  const labelCommands: Command[] = Array.from({ length: 9 }, (_, k) => ({
    id: `label${k + 1}`,
    label: `annotate.commands.label${k + 1}`,
    shortcut: { key: String(k + 1) },
    enabled: () => spanTask() && hasSelection() && labelChoices(state().task).length > k,
    run: () => labelSelection(k + 1),
  }));
  return [
    ...labelCommands,
    { id: 'undo', label: 'annotate.commands.undo', shortcut: { key: 'z', mod: true }, enabled: () => state().past.length > 0, run: () => state().undo() },
    { id: 'redo', label: 'annotate.commands.redo', shortcut: { key: 'z', mod: true, shift: true }, enabled: () => state().future.length > 0, run: () => state().redo() },
    {
      id: 'deleteSpan',
      label: 'annotate.commands.deleteSpan',
      shortcut: { key: 'Delete' },
      enabled: spanSelected,
      run: () => {
        const i = state().selected!;
        state().apply((x) => removeSpan(x, i));
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
      enabled: () => spanSelected() && hasSelection(),
      run: () => {
        const i = state().selected!;
        const [s, e] = state().selection!;
        state().apply((x, text) => setSpanRange(x, text, i, s, e));
        state().setSelection(null);
      },
    },
    {
      id: 'nextSpan',
      label: 'annotate.commands.nextSpan',
      shortcut: { key: 'j' },
      enabled: () => spanTask() && (state().current?.entities.length ?? 0) > 0,
      run: () => state().select(Math.min((state().selected ?? -1) + 1, state().current!.entities.length - 1)),
    },
    { id: 'prevSpan', label: 'annotate.commands.prevSpan', shortcut: { key: 'k' }, enabled: () => spanTask() && (state().selected ?? 0) > 0, run: () => state().select(state().selected! - 1) },
    { id: 'reviewNext', label: 'annotate.commands.reviewNext', shortcut: { key: 'r' }, enabled: isOpen, run: () => void state().reviewAndNext() },
    { id: 'nextDocument', label: 'annotate.commands.nextDocument', shortcut: { key: 'n' }, enabled: () => hasNeighbour(1), run: () => state().next(1) },
    { id: 'prevDocument', label: 'annotate.commands.prevDocument', shortcut: { key: 'p' }, enabled: () => hasNeighbour(-1), run: () => state().next(-1) },
  ];
}

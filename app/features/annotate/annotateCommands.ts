import { TASKS } from '../../../src/index.ts';
import { addSpan, labelAllOccurrences, moveSpanEdge, removeSpan, setSpanRange } from '../../../src/annotate/edits.ts';
import type { Command } from '../../shared/commands/commands.ts';
import { labelChoices, neighbourOf, useCorpusStore, type CorpusState } from '../../shared/corpus/corpusStore.ts';
import { nextSpanUnder, spansUnder } from '../../shared/spans/lanes.ts';
import { addLink, arcBetween, arcOfItem, linkChoices, mentionRanges, relabelArc, removeArc, stepMention } from '../../../src/annotate/arcs.ts';
import type { TupleField, TupleKind } from '../../../src/format/itemSchema.ts';
import { acceptSuggestions, isSuggestion, rejectSuggestions, suggestionsOf, type ItemRef } from '../../../src/annotate/provenance.ts';

type LabelId = `label${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`;
/** A label's own key (the profile's `labelKeys`): one command per label that has one. */
export type LabelKeyId = `labelKey:${string}`;
export type AnnotateCommandId =
  | LabelId
  | LabelKeyId
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
  | 'acceptSuggestion'
  | 'rejectSuggestion'
  | 'acceptAll'
  | 'rejectAll'
  | 'link'
  | 'linkTargetNext'
  | 'linkTargetPrev'
  | 'cancel'
  | 'nextStacked'
  | 'prevStacked'
  | 'reviewNext'
  | 'unreview'
  | 'toggleFlag'
  | 'skip'
  | 'nextDocument'
  | 'prevDocument';
export type AnnotateCommand = Command<CorpusState, AnnotateCommandId>;

const isOpen = (s: CorpusState) => s.current !== null;
/** The stored document the editor has open. */
const openDoc = (s: CorpusState) => (s.docId === null ? undefined : s.documents.find((d) => d.id === s.docId));
const spanTask = (s: CorpusState) => isOpen(s) && TASKS[s.editorTask].shape === 'pairs';
const hasSelection = (s: CorpusState) => s.selection !== null && s.selection[0] < s.selection[1];
const spanSelected = (s: CorpusState) => spanTask(s) && s.selected !== null && s.selected < (s.current?.entities.length ?? 0);
/** The list of a relation or event task, whose items are drawn as arcs; null for a span task. */
const tupleKind = (s: CorpusState): TupleKind | null => {
  if (!isOpen(s)) return null;
  const shape = TASKS[s.editorTask].shape;
  return shape === 'triple' ? 'relations' : shape === 'event' ? 'events' : null;
};
/** What number key `n` gives a new or selected arc: a relation label, or an event role. */
const choiceFor = (s: CorpusState, n: number) => {
  const kind = tupleKind(s);
  return kind ? linkChoices(kind, labelChoices(s.editorTask))[n - 1] : undefined;
};
const arcSelected = (s: CorpusState) => tupleKind(s) !== null && s.arc !== null && s.current![s.arc.kind][s.arc.item] !== undefined;
/** Where a new arc starts: the text selected, else the argument the keyboard is on. */
const linkSource = (s: CorpusState) => (hasSelection(s) ? s.selection : s.mention);

/** Number key `n` on an arc: the arc being drawn becomes that relation (or role), or the selected arc is given it. */
function pickChoice(s: CorpusState, n: number) {
  const kind = tupleKind(s)!;
  const choice = choiceFor(s, n)!;
  const { linking, arc } = s;
  if (linking?.to) {
    const { from, to } = linking;
    const next = s.apply((x, text) => addLink(x, text, kind, from, to, choice));
    s.setLinking(null);
    s.setSelection(null);
    // The arc just drawn is selected, so a wrong pick is one more key away from right.
    const drawn = next && arcBetween(next, kind, from, to, choice);
    if (drawn) s.selectArc(drawn);
    return;
  }
  if (arc) s.apply((x, text) => relabelArc(x, text, arc, choice));
  // An event argument given another role is now the arc to that role.
  if (arc && kind === 'events') s.selectArc({ ...arc, role: choice as TupleField });
}

/** The item the keyboard is on: the selected span, or the tuple of the selected arc. */
function selectedItem(s: CorpusState): ItemRef | null {
  if (!s.current) return null;
  if (spanTask(s)) return s.selected !== null && s.current.entities[s.selected] ? { list: 'entities', index: s.selected } : null;
  return s.arc && s.current[s.arc.kind][s.arc.item] ? { list: s.arc.kind, index: s.arc.item } : null;
}
const onSuggestion = (s: CorpusState) => {
  const r = selectedItem(s);
  return r !== null && isSuggestion(s.current![r.list][r.index]!);
};
const hasSuggestions = (s: CorpusState) => isOpen(s) && suggestionsOf(s.current!).length > 0;

/** Goes to the first suggestion still to decide (after `from`, else from the start), as a review does. */
function selectNextSuggestion(s: CorpusState, from: ItemRef | null) {
  const left = suggestionsOf(s.current!);
  const next = left.find((r) => from && r.list === from.list && r.index >= from.index) ?? left[0];
  if (!next) return spanTask(s) ? s.select(null) : s.selectArc(null);
  if (next.list === 'entities') return s.select(next.index);
  s.selectArc(arcOfItem(s.current!, next.list, next.index));
}

/** Y accepts the suggestion the keyboard is on, X rejects it; either way the next one is selected. */
const decide = (accept: boolean) => (s: CorpusState) => {
  const r = selectedItem(s)!;
  const next = s.apply((x, _text, who) => (accept ? acceptSuggestions(x, [r], who.name, who.at) : rejectSuggestions(x, [r])));
  // Commands get the state they were run with; after the edit the store has moved on.
  if (next) selectNextSuggestion(useCorpusStore.getState(), accept ? { ...r, index: r.index + 1 } : r);
};

const moveTarget = (step: 1 | -1) => (s: CorpusState) => {
  const l = s.linking!;
  s.setLinking({ ...l, to: stepMention(s.current!, l.to, step, l.from) });
};

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

/** Where `label` stands among what the number keys pick now (1-based), or 0 where it is not one of them. */
function placeOf(s: CorpusState, label: string): number {
  if (!isOpen(s)) return 0;
  const kind = tupleKind(s);
  const choices = kind ? linkChoices(kind, labelChoices(s.editorTask)) : TASKS[s.editorTask].shape === 'pairs' ? labelChoices(s.editorTask) : [];
  return choices.indexOf(label) + 1;
}

/** Number key `n` (1-based place among the choices): enabled when there is text, an arc being drawn or an arc to give it. */
const canLabel = (s: CorpusState, n: number) =>
  n > 0 && (spanTask(s) ? hasSelection(s) && labelChoices(s.editorTask).length >= n : (Boolean(s.linking?.to) || arcSelected(s)) && choiceFor(s, n) !== undefined);
const runLabel = (s: CorpusState, n: number) => (spanTask(s) ? labelSelection(s, n) : pickChoice(s, n));

/** The editor's own commands by the key each takes alone (Shift or not): a label's key may not be one of them. */
export function keysTaken(): ReadonlyMap<string, AnnotateCommand['label']> {
  return new Map(annotateCommands().flatMap((c) => (c.shortcut && !c.shortcut.mod && !c.shortcut.alt ? [[c.shortcut.key.toLowerCase(), c.label] as const] : [])));
}

/** The commands of labels with a key of their own: the same effect as the label's number key, wherever the label stands. */
function labelKeyCommands(keys: Readonly<Record<string, string>>): AnnotateCommand[] {
  return Object.entries(keys).map(([label, key]) => ({
    id: `labelKey:${label}`,
    label: 'annotate.commands.labelAs',
    labelParams: { label },
    shortcut: { key },
    enabled: (s) => canLabel(s, placeOf(s, label)),
    run: (s) => runLabel(s, placeOf(s, label)),
  }));
}

const hasMentions = (s: CorpusState) => tupleKind(s) !== null && mentionRanges(s.current!).length > 0;
/** J and K in a relation or event task: the target of the arc being drawn, else the argument the keyboard is on. */
function stepThrough(s: CorpusState, step: 1 | -1) {
  if (s.linking) moveTarget(step)(s);
  else s.selectMention(stepMention(s.current!, s.mention, step));
}

/** L: an arc from the selection (or the argument the keyboard is on), pointing at first to the next argument. */
function startLink(s: CorpusState) {
  const from = linkSource(s)!;
  s.setLinking({ from, to: stepMention(s.current!, from, 1, from) });
}

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
export function annotateCommands(labelKeys: Readonly<Record<string, string>> = {}): AnnotateCommand[] {
  const labelCommands = LABELS.map(
    (n): AnnotateCommand => ({
      id: `label${n}`,
      label: `annotate.commands.label${n}`,
      shortcut: { key: String(n) },
      enabled: (s) => canLabel(s, n),
      run: (s) => runLabel(s, n),
    }),
  );
  return [
    ...labelCommands,
    ...labelKeyCommands(labelKeys),
    { id: 'undo', label: 'annotate.commands.undo', shortcut: { key: 'z', mod: true }, enabled: (s) => s.past.length > 0, run: (s) => s.undo() },
    { id: 'redo', label: 'annotate.commands.redo', shortcut: { key: 'z', mod: true, shift: true }, enabled: (s) => s.future.length > 0, run: (s) => s.redo() },
    {
      id: 'deleteSpan',
      label: 'annotate.commands.deleteSpan',
      shortcut: { key: 'Delete' },
      enabled: (s) => spanSelected(s) || arcSelected(s),
      run: (s) => {
        const { arc, selected: i } = s;
        if (spanTask(s)) s.apply((x) => removeSpan(x, i!));
        else if (arc) {
          s.apply((x, text) => removeArc(x, text, arc));
          s.selectArc(null);
        }
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
      enabled: (s) => (spanTask(s) ? (s.current?.entities.length ?? 0) > 0 : hasMentions(s)),
      run: (s) => (spanTask(s) ? s.select(Math.min((s.selected ?? -1) + 1, s.current!.entities.length - 1)) : stepThrough(s, 1)),
    },
    {
      id: 'prevSpan',
      label: 'annotate.commands.prevSpan',
      shortcut: { key: 'k' },
      enabled: (s) => (spanTask(s) ? (s.selected ?? 0) > 0 : hasMentions(s)),
      run: (s) => (spanTask(s) ? s.select(s.selected! - 1) : stepThrough(s, -1)),
    },
    { id: 'acceptSuggestion', label: 'annotate.commands.acceptSuggestion', shortcut: { key: 'y' }, enabled: onSuggestion, run: decide(true) },
    { id: 'rejectSuggestion', label: 'annotate.commands.rejectSuggestion', shortcut: { key: 'x' }, enabled: onSuggestion, run: decide(false) },
    {
      id: 'acceptAll',
      label: 'annotate.commands.acceptAll',
      shortcut: { key: 'Y', shift: true },
      enabled: hasSuggestions,
      run: (s) => void s.apply((x, _text, who) => acceptSuggestions(x, 'all', who.name, who.at)),
    },
    { id: 'rejectAll', label: 'annotate.commands.rejectAll', shortcut: { key: 'X', shift: true }, enabled: hasSuggestions, run: (s) => void s.apply((x) => rejectSuggestions(x, 'all')) },
    { id: 'link', label: 'annotate.commands.link', shortcut: { key: 'l' }, enabled: (s) => tupleKind(s) !== null && !s.linking && linkSource(s) !== null, run: startLink },
    { id: 'linkTargetNext', label: 'annotate.commands.linkTargetNext', shortcut: { key: 'ArrowRight' }, enabled: (s) => tupleKind(s) !== null && s.linking !== null, run: moveTarget(1) },
    { id: 'linkTargetPrev', label: 'annotate.commands.linkTargetPrev', shortcut: { key: 'ArrowLeft' }, enabled: (s) => tupleKind(s) !== null && s.linking !== null, run: moveTarget(-1) },
    {
      id: 'cancel',
      label: 'annotate.commands.cancel',
      shortcut: { key: 'Escape' },
      enabled: (s) => tupleKind(s) !== null && (s.linking !== null || s.arc !== null),
      run: (s) => {
        s.setLinking(null);
        s.selectArc(null);
      },
    },
    { id: 'labelAll', label: 'annotate.commands.labelAll', shortcut: { key: 'a' }, enabled: (s) => spanSelected(s) && s.current!.entities[s.selected!]!.start !== null, run: labelAll },
    { id: 'nextStacked', label: 'annotate.commands.nextStacked', shortcut: { key: 'Tab', within: IN_TEXT }, enabled: stacked, run: cycle(1) },
    { id: 'prevStacked', label: 'annotate.commands.prevStacked', shortcut: { key: 'Tab', shift: true, within: IN_TEXT }, enabled: stacked, run: cycle(-1) },
    { id: 'reviewNext', label: 'annotate.commands.reviewNext', shortcut: { key: 'r' }, enabled: isOpen, run: (s) => void s.reviewAndNext() },
    { id: 'unreview', label: 'annotate.commands.unreview', shortcut: { key: 'R', shift: true }, enabled: (s) => openDoc(s)?.reviewed === 1, run: (s) => void s.markDocument({ kind: 'unreview' }) },
    { id: 'toggleFlag', label: 'annotate.commands.toggleFlag', shortcut: { key: 'f' }, enabled: (s) => openDoc(s) !== undefined, run: (s) => void s.markDocument({ kind: 'flag', on: openDoc(s)!.flagged !== 1 }) },
    { id: 'skip', label: 'annotate.commands.skip', shortcut: { key: 'N', shift: true }, enabled: (s) => openDoc(s) !== undefined, run: (s) => void s.markDocument({ kind: 'skip' }) },
    { id: 'nextDocument', label: 'annotate.commands.nextDocument', shortcut: { key: 'n' }, enabled: (s) => neighbourOf(s, 1) !== undefined, run: (s) => s.step(1) },
    { id: 'prevDocument', label: 'annotate.commands.prevDocument', shortcut: { key: 'p' }, enabled: (s) => neighbourOf(s, -1) !== undefined, run: (s) => s.step(-1) },
  ];
}

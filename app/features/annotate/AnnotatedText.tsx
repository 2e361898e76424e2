import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { codePointLength, type LocatedExtraction } from '../../../src/index.ts';
import { useTranslation } from 'react-i18next';
import { extractionRanges, labelHue, segmentText, type ItemKind, type LabeledRange, type Segment } from '../../shared/segments.ts';
import { offsetAtPoint, selectionIn } from './textSelection.ts';

const chip = (label: string, lit: boolean) => ({ backgroundColor: `hsl(${labelHue(label)} 80% 70% / ${lit ? 0.9 : 0.45})` });

/**
 * The document's text with its spans highlighted, where the annotator selects text for a new span or a
 * tuple argument. Each piece carries its first code point (`data-start`), which maps a DOM selection back
 * to offsets. Text is rendered as text, never HTML.
 */
export function AnnotatedText({
  text,
  extraction,
  selected,
  selection,
  onSelect,
  onSelection,
  onResize,
}: {
  text: string;
  extraction: LocatedExtraction;
  selected: number | null;
  selection: readonly [number, number] | null;
  onSelect(i: number): void;
  onSelection(r: [number, number] | null): void;
  /** A drag of the selected span's handle ended: its new range, as one edit. */
  onResize(i: number, start: number, end: number): void;
}) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  // While a handle is dragged, the span shows where it would end up; the edit happens on release.
  const [drag, setDrag] = useState<{ edge: 'start' | 'end'; start: number; end: number } | null>(null);
  const span = selected === null ? undefined : extraction.entities[selected];
  const located = span && span.start !== null && span.end !== null ? { start: drag?.start ?? span.start, end: drag?.end ?? span.end } : null;
  const shown = drag && selected !== null ? { ...extraction, entities: extraction.entities.map((e, i) => (i === selected ? { ...e, start: drag.start, end: drag.end } : e)) } : extraction;
  const ranges: (LabeledRange & { kind?: ItemKind })[] = extractionRanges(shown, (role) => t(`result.${role}`));
  if (selection) ranges.push({ start: selection[0], end: selection[1], label: '\u0000selection', item: -1 });
  const read = () => !drag && root.current && onSelection(selectionIn(root.current, window.getSelection()));
  const dragging = drag !== null;
  const latest = useRef({ drag, selected, onResize });
  useEffect(() => {
    latest.current = { drag, selected, onResize };
  });
  // The handle moves to another piece of text as it is dragged (its element is replaced), so the drag is
  // followed on the window, not on the handle.
  useEffect(() => {
    if (!dragging) return;
    const move = (e: PointerEvent) => {
      const d = latest.current.drag;
      const at = root.current && offsetAtPoint(root.current, e.clientX, e.clientY);
      if (!d || at === null || at === undefined) return;
      setDrag(d.edge === 'start' ? { ...d, start: Math.min(at, d.end - 1) } : { ...d, end: Math.max(at, d.start + 1) });
    };
    const up = () => {
      const { drag: d, selected: i, onResize: resize } = latest.current;
      if (d && i !== null) resize(i, d.start, d.end);
      setDrag(null);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [dragging]);
  const handle = (edge: 'start' | 'end') => ({
    'data-handle': edge,
    role: 'separator',
    'aria-label': t(edge === 'start' ? 'annotate.handleStart' : 'annotate.handleEnd'),
    className: 'inline-block h-6 w-1.5 cursor-ew-resize touch-none rounded bg-indigo-600 align-middle',
    onPointerDown: (e: ReactPointerEvent) => {
      e.preventDefault();
      setDrag({ edge, start: located!.start, end: located!.end });
    },
  });
  return (
    <div ref={root} className="text-lg leading-9 break-words whitespace-pre-wrap select-text" lang="ja" data-testid="annotated-text" onMouseUp={read} onKeyUp={read}>
      {segmentText(text, ranges).map((s) => {
        const before = located && s.start === located.start ? <span key={`h${s.start}`} {...handle('start')} /> : null;
        const after = located && s.start + codePointLength(s.text) === located.end ? <span key={`t${s.start}`} {...handle('end')} /> : null;
        return [before, piece(s), after];
      })}
    </div>
  );

  function piece(s: Segment<LabeledRange & { kind?: ItemKind }>) {
    const isSelection = s.ranges.some((r) => r.item === -1);
    const own = s.ranges.filter((r) => r.item !== -1);
    if (own.length === 0)
      return (
        <span key={s.start} data-start={s.start} className={isSelection ? 'bg-sky-200 dark:bg-sky-800' : undefined} data-selection={isSelection || undefined}>
          {s.text}
        </span>
      );
    const entity = own.find((r) => r.kind === 'entities');
    const lit = entity !== undefined && entity.item === selected;
    return (
      <mark
        key={s.start}
        data-start={s.start}
        data-labels={own.map((r) => r.label).join(' ')}
        data-active={lit || undefined}
        data-selection={isSelection || undefined}
        className={`rounded px-0.5 text-inherit ${lit ? 'outline-2 outline-indigo-600' : ''} ${isSelection ? 'underline decoration-sky-600 decoration-2' : ''}`}
        style={chip(own[0]!.label, lit)}
        title={own.map((r) => r.label).join(', ')}
        onClick={() => entity && onSelect(entity.item)}
      >
        {s.text}
      </mark>
    );
  }
}

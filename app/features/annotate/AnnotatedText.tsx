import { useRef } from 'react';
import type { LocatedExtraction } from '../../../src/index.ts';
import { labelHue, segmentText, type LabeledRange } from '../../shared/segments.ts';
import { selectionIn } from './textSelection.ts';

const chip = (label: string, lit: boolean) => ({ backgroundColor: `hsl(${labelHue(label)} 80% 70% / ${lit ? 0.9 : 0.45})` });

/** Every located piece of an extraction, as ranges: entities by index, tuple arguments under their tuple. */
function rangesOf(x: LocatedExtraction): (LabeledRange & { entity: boolean })[] {
  const out: (LabeledRange & { entity: boolean })[] = [];
  x.entities.forEach((e, i) => e.start !== null && e.end !== null && out.push({ start: e.start, end: e.end, label: e.label, item: i, entity: true }));
  x.relations.forEach((r, i) => {
    for (const [o, label] of [[r.offsets.head, r.relation], [r.offsets.tail, r.relation]] as const) if (o) out.push({ start: o[0], end: o[1], label, item: i, entity: false });
  });
  x.events.forEach((e, i) => {
    for (const o of [e.offsets.subject, e.offsets.trigger, e.offsets.object, e.offsets.time]) if (o) out.push({ start: o[0], end: o[1], label: e.trigger, item: i, entity: false });
  });
  return out;
}

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
}: {
  text: string;
  extraction: LocatedExtraction;
  selected: number | null;
  selection: readonly [number, number] | null;
  onSelect(i: number): void;
  onSelection(r: [number, number] | null): void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const ranges = rangesOf(extraction);
  if (selection) ranges.push({ start: selection[0], end: selection[1], label: '\u0000selection', item: -1, entity: false });
  const read = () => root.current && onSelection(selectionIn(root.current, window.getSelection()));
  return (
    <div ref={root} className="text-lg leading-9 break-words select-text" lang="ja" data-testid="annotated-text" onMouseUp={read} onKeyUp={read}>
      {segmentText(text, ranges).map((s) => {
        const isSelection = s.ranges.some((r) => r.item === -1);
        const own = s.ranges.filter((r) => r.item !== -1);
        if (own.length === 0)
          return (
            <span key={s.start} data-start={s.start} className={isSelection ? 'bg-sky-200 dark:bg-sky-800' : undefined} data-selection={isSelection || undefined}>
              {s.text}
            </span>
          );
        const entity = own.find((r) => r.entity);
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
      })}
    </div>
  );
}

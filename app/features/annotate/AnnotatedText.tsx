import { memo, useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { codePointLength, type LocatedExtraction } from '../../../src/index.ts';
import { useTranslation } from 'react-i18next';
import { extractionRanges, rangesByBlock, segmentText, textBlocks, type ItemKind, type LabeledRange, type Segment, type TextBlock } from '../../shared/segments.ts';
import { useProfileStore } from '../../shared/profile/profileStore.ts';
import { spanPalette } from '../../shared/spans/palette.ts';
import { assignLanes, nextSpanUnder } from '../../shared/spans/lanes.ts';
import { StackedMark, stackedLineHeight, type DrawnRange } from '../../shared/spans/StackedMark.tsx';
import { offsetAtPoint, selectionIn } from './textSelection.ts';
import { arcsOf, mentionAt, same, type ArcRef, type Range } from '../../../src/annotate/arcs.ts';
import { ARC_SPACER, ArcLayer, drawnArcsOf } from '../../shared/spans/ArcLayer.tsx';

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
  mention = null,
  linking = null,
  arc = null,
  onMention,
  onPickArc,
  onLink,
}: {
  text: string;
  extraction: LocatedExtraction;
  selected: number | null;
  selection: readonly [number, number] | null;
  /** A span was picked, at `caret` (the code point clicked), where Tab cycles through the spans under it. */
  onSelect(i: number, caret?: number): void;
  onSelection(r: [number, number] | null): void;
  /** A drag of the selected span's handle ended: its new range, as one edit. */
  onResize(i: number, start: number, end: number): void;
  /** In a relation or event task: the argument the keyboard is on, the arc being drawn and the arc selected. */
  mention?: Range | null;
  linking?: { from: Range; to: Range | null } | null;
  arc?: ArcRef | null;
  /** An argument was clicked (while an arc is drawn: its target). Given, arguments and arcs can be picked and drawn. */
  onMention?(r: Range): void;
  onPickArc?(a: ArcRef): void;
  /** The ● was dragged from `from` onto `to`: an arc to be given its relation. */
  onLink?(from: Range, to: Range): void;
}) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  // While a handle is dragged, the span shows where it would end up; the edit happens on release.
  const [drag, setDrag] = useState<{ edge: 'start' | 'end'; start: number; end: number } | null>(null);
  const span = selected === null ? undefined : extraction.entities[selected];
  const located = span && span.start !== null && span.end !== null ? { start: drag?.start ?? span.start, end: drag?.end ?? span.end } : null;
  // In a relation or event task the argument the keyboard is on is lit as a span would be (with no handles).
  const lit = located ?? (mention ? { start: mention[0], end: mention[1] } : null);
  const shown = drag && selected !== null ? { ...extraction, entities: extraction.entities.map((e, i) => (i === selected ? { ...e, start: drag.start, end: drag.end } : e)) } : extraction;
  const wordLabels = useProfileStore((s) => s.profile.wordLabels);
  const chosen = useProfileStore((s) => s.profile.labelColours);
  const colourOf = useMemo(() => spanPalette(wordLabels, chosen), [wordLabels, chosen]);
  const drawn = extractionRanges(shown, (role) => t(`result.${role}`));
  const lanes = assignLanes(drawn, (r) => r.label);
  const ranges: BlockRange[] = drawn.map(({ start, end, label, kind, colour, suggested }, i) => ({ start, end, label, kind, lane: lanes[i]!, colour: colourOf(colour), ...(suggested ? { suggested } : {}) }));
  if (selection) ranges.push({ start: selection[0], end: selection[1], label: SELECTION, lane: -1, colour: '' });
  if (linking?.to) ranges.push({ start: linking.to[0], end: linking.to[1], label: TARGET, lane: -1, colour: '' });
  const linkable = onMention !== undefined;
  const arcs = useMemo(() => (linkable ? arcsOf(extraction) : []), [linkable, extraction]);
  const drawnArcs = drawnArcsOf(extraction, arcs, colourOf, (role) => t(`result.${role}` as 'result.subject'), (a) => arc !== null && arc.kind === a.kind && arc.item === a.item && arc.role === a.role);
  const [dragLink, setDragLink] = useState<{ from: Range; pointer: { x: number; y: number } } | null>(null);
  const knob = linkable && !linking && !dragLink ? (mention ?? selection) : null;
  // Where an arc may end, a spacer the arc layer makes room for the arcs with (see ARC_SPACER).
  const ends = [...arcs.flatMap((a) => [a.from[0], a.to[0]]), ...(knob ? [knob[0]] : []), ...(linking ? [linking.from[0]] : [])];
  const endsIn = (b: TextBlock) => [...new Set(ends.filter((at) => at >= b.start && at < b.end).map((at) => at - b.start))].sort((x, y) => x - y).join(' ');
  // Blocks of the text, made once per document; each re-renders only when what lies in it changes.
  const blocks = useMemo(() => textBlocks(text), [text]);
  const perBlock = stableBuckets(blocks, ranges);
  const read = () => !drag && root.current && onSelection(selectionIn(root.current, window.getSelection()));
  const dragging = drag !== null;
  const latest = useRef({ drag, selected, onResize, extraction, onLink });
  useEffect(() => {
    latest.current = { drag, selected, onResize, extraction, onLink };
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
    return followPointer(move, up);
  }, [dragging]);
  const linkingFrom = dragLink?.from ?? null;
  useEffect(() => {
    if (!linkingFrom) return;
    const el = root.current!;
    const move = (e: PointerEvent) => {
      const box = el.getBoundingClientRect();
      setDragLink({ from: linkingFrom, pointer: { x: e.clientX - box.left, y: e.clientY - box.top } });
    };
    const up = (e: PointerEvent) => {
      setDragLink(null);
      const at = offsetAtPoint(el, e.clientX, e.clientY);
      const target = at === null ? null : mentionAt(latest.current.extraction, at);
      if (target && !same(target, linkingFrom)) latest.current.onLink?.(linkingFrom, target);
    };
    return followPointer(move, up);
  }, [linkingFrom]);
  const onPick = useLatest((pos: number) => {
    // The innermost span under the click; clicking again goes to the next span under it, outwards.
    const i = nextSpanUnder(extraction.entities, pos, selected);
    if (i !== null) onSelect(i, pos);
  });
  const onPickBar = useLatest((start: number, end: number, label: string) => {
    // A bar is one span: the innermost span of its label holding the stretch the bar was drawn under.
    let best = -1;
    extraction.entities.forEach((e, i) => {
      if (e.label !== label || e.start === null || e.end === null || e.start > start || e.end < end) return;
      const b = best === -1 ? undefined : extraction.entities[best]!;
      if (!b || e.end - e.start < b.end! - b.start!) best = i;
    });
    if (best !== -1) onSelect(best, start);
  });
  const onHandle = useLatest((edge: 'start' | 'end', e: ReactPointerEvent) => {
    e.preventDefault();
    setDrag({ edge, start: located!.start, end: located!.end });
  });
  const onMentionAt = useLatest((pos: number) => {
    const r = mentionAt(extraction, pos);
    if (r && onMention) onMention(r);
  });
  const handleLabels = useMemo(() => ({ start: t('annotate.handleStart'), end: t('annotate.handleEnd') }), [t]);
  return (
    // Focusable, so that after a click Tab cycles through the spans stacked under it (the command's scope).
    <div
      ref={root}
      tabIndex={0}
      role="group"
      aria-label={t('annotate.textLabel')}
      className="relative text-lg leading-9 break-words whitespace-pre-wrap select-text focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
      lang="ja"
      data-testid="annotated-text"
      onMouseUp={read}
      onKeyUp={read}
    >
      {blocks.map((b, k) => {
        const inside = (pos: number | undefined, endInclusive: boolean) => (pos !== undefined && (endInclusive ? pos > b.start && pos <= b.end : pos >= b.start && pos < b.end) ? pos - b.start : -1);
        // Only the blocks the selected span touches get its offsets: the others' props stay as they were.
        const touched = lit !== null && lit.start < b.end && lit.end > b.start;
        return (
          <Block
            key={b.start}
            block={b}
            ranges={perBlock[k]!}
            lit={touched}
            litStart={touched ? Math.max(0, lit.start - b.start) : -1}
            litEnd={touched ? Math.min(b.end, lit.end) - b.start : -1}
            litLabel={touched && located ? span!.label : ''}
            handleStart={inside(located?.start, false)}
            handleEnd={inside(located?.end, true)}
            handleLabels={handleLabels}
            many={blocks.length > 1 && arcs.length === 0}
            spacers={endsIn(b)}
            onPick={onPick}
            onMention={linkable ? onMentionAt : undefined}
            onPickBar={onPickBar}
            onHandle={onHandle}
          />
        );
      })}
      {linkable && (
        <ArcLayer
          root={root}
          arcs={drawnArcs}
          version={`${text.length}|${ends.join()}|${perBlock.map((r) => Math.max(0, ...r.map((x) => x.lane))).join()}`}
          onPick={(i) => onPickArc?.(arcs[i]!)}
          knob={knob}
          onKnob={(e) => {
            e.preventDefault();
            e.stopPropagation();
            if (knob) setDragLink({ from: knob, pointer: { x: e.clientX - root.current!.getBoundingClientRect().left, y: e.clientY - root.current!.getBoundingClientRect().top } });
          }}
          link={dragLink ? { from: dragLink.from, to: null, pointer: dragLink.pointer } : linking ? { ...linking, pointer: null } : null}
        />
      )}
    </div>
  );
}

/**
 * Follows a drag on the window (the piece it started on is replaced as the text re-renders): `move` on each
 * move, `up` on release. Returns the cleanup.
 */
function followPointer(move: (e: PointerEvent) => void, up: (e: PointerEvent) => void): () => void {
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  return () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
  };
}

const SELECTION = '\u0000selection';
/** The target of the arc being drawn, outlined as the selection is tinted. */
const TARGET = '\u0000target';

/** A range as a block draws it: no item index, so spans added or removed elsewhere leave this block alone. */
interface BlockRange {
  start: number;
  end: number;
  label: string;
  kind?: ItemKind;
  /** Its lane under the text (the selection, drawn as a tint, has none: -1) and its colour. */
  lane: number;
  colour: string;
  suggested?: boolean;
}

/** A callback whose identity never changes and which always calls the latest `fn` (memoised blocks keep it). */
function useLatest<A extends unknown[]>(fn: (...a: A) => void): (...a: A) => void {
  const ref = useRef(fn);
  useEffect(() => {
    ref.current = fn;
  });
  return useCallback((...a: A) => ref.current(...a), []);
}

/** Per block list of a document: each block's ranges as last drawn, and their key (a pure cache of values). */
const lastDrawn = new WeakMap<readonly TextBlock[], { key: string; ranges: BlockRange[] }[]>();

/** Each block's ranges, the same array as last render where nothing in the block changed (so memo skips it). */
function stableBuckets(blocks: readonly TextBlock[], ranges: readonly BlockRange[]): BlockRange[][] {
  const buckets = rangesByBlock(blocks, ranges);
  const drawn = lastDrawn.get(blocks) ?? [];
  const stable = buckets.map((rs, i) => {
    const key = rs.map((r) => `${r.start},${r.end},${r.kind ?? ''},${r.label},${r.lane},${r.colour},${r.suggested ? 1 : 0}`).join('|');
    const before = drawn[i];
    if (before && before.key === key) return before.ranges;
    drawn[i] = { key, ranges: rs };
    return rs;
  });
  lastDrawn.set(blocks, drawn);
  return stable;
}

/**
 * One block of the text. Offsets in `ranges` and the handles are local to the block; each piece carries its
 * document offset (`data-start`), which maps a DOM selection back to the text.
 */
const Block = memo(function Block({
  block,
  ranges,
  lit,
  litStart,
  litEnd,
  litLabel,
  handleStart,
  handleEnd,
  handleLabels,
  many,
  spacers,
  onPick,
  onMention,
  onPickBar,
  onHandle,
}: {
  block: TextBlock;
  ranges: BlockRange[];
  /** Whether the selected span touches this block; `litStart`/`litEnd` are its offsets, local to the block. */
  lit: boolean;
  litStart: number;
  litEnd: number;
  litLabel: string;
  handleStart: number;
  handleEnd: number;
  handleLabels: { start: string; end: string };
  /** Whether the text has other blocks: then this one is laid out only when on screen. */
  many: boolean;
  /** Where arcs may end: the local starts of the pieces that get a spacer (a string, so memo compares it by value). */
  spacers: string;
  onPick(pos: number): void;
  /** A relation's or event's argument was clicked (in a relation or event task). */
  onMention?(pos: number): void;
  onPickBar(start: number, end: number, label: string): void;
  onHandle(edge: 'start' | 'end', e: ReactPointerEvent): void;
}) {
  const handle = (edge: 'start' | 'end', at: number) => (
    <span
      key={`${edge === 'start' ? 'h' : 't'}${block.start + at}`}
      data-handle={edge}
      role="separator"
      aria-label={handleLabels[edge]}
      className="inline-block h-6 w-1.5 cursor-ew-resize touch-none rounded bg-indigo-600 align-middle"
      onPointerDown={(e) => onHandle(edge, e)}
    />
  );
  const room = new Set(spacers === '' ? [] : spacers.split(' ').map(Number));
  // Its own box: a change inside it lays out this block only, and off screen it is not laid out at all.
  return (
    <div
      data-block={block.start}
      className={many ? '[contain-intrinsic-size:auto_2.25rem] [content-visibility:auto]' : undefined}
      style={{ lineHeight: stackedLineHeight(Math.max(1, ...ranges.map((r) => r.lane + 1))) }}
    >
      {segmentText(block.text, ranges.map((r, item) => ({ ...r, item }))).map((s) => {
        const before = handleStart === s.start ? handle('start', s.start) : null;
        const end = s.start + codePointLength(s.text);
        const after = handleEnd === end ? handle('end', end) : null;
        return [before, piece(s), after];
      })}
    </div>
  );

  function piece(s: Segment<BlockRange & LabeledRange>) {
    const at = block.start + s.start;
    // Room for the arcs over the row this piece starts on (see ARC_SPACER).
    const spacer = room.has(s.start) ? { 'data-spacer': at } : {};
    const spacerClass = room.has(s.start) ? ARC_SPACER : '';
    const isSelection = s.ranges.some((r) => r.label === SELECTION);
    const isTarget = s.ranges.some((r) => r.label === TARGET);
    const own = s.ranges.filter((r) => r.label !== SELECTION && r.label !== TARGET);
    const marks = `${isSelection ? 'underline decoration-sky-600 decoration-2' : ''} ${isTarget ? 'outline-2 outline-dashed outline-indigo-600' : ''}`;
    if (own.length === 0)
      return (
        <span
          key={at}
          data-start={at}
          className={`${isSelection ? 'bg-sky-200 dark:bg-sky-800' : ''} ${isTarget ? 'outline-2 outline-dashed outline-indigo-600' : ''} ${spacerClass}`}
          {...spacer}
          data-selection={isSelection || undefined}
          data-target={isTarget || undefined}
        >
          {s.text}
        </span>
      );
    // The selected span's pieces: those under a span with its extent and label (offsets local to the block);
    // without a label, the argument the keyboard is on, whatever its role.
    const isLit = (r: BlockRange) => lit && r.start === litStart && r.end === litEnd && (litLabel === '' ? r.kind !== 'entities' : r.kind === 'entities' && r.label === litLabel);
    const litRange = own.find(isLit);
    const hasEntity = own.some((r) => r.kind === 'entities');
    return (
      <StackedMark
        key={at}
        text={s.text}
        ranges={own as DrawnRange[]}
        lit={litRange !== undefined}
        litLane={litRange?.lane ?? -1}
        data-start={at}
        data-active={litRange !== undefined || undefined}
        data-selection={isSelection || undefined}
        data-target={isTarget || undefined}
        className={`${marks} ${spacerClass}`}
        {...spacer}
        onText={() => (hasEntity ? onPick(at) : onMention?.(at))}
        onBar={(r) => ((r as BlockRange).kind === 'entities' ? onPickBar(block.start + r.start, block.start + r.end, r.label) : hasEntity ? onPick(at) : onMention?.(at))}
      />
    );
  }
});

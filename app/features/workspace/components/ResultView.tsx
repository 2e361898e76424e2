import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocatedExtraction } from '../../../../src/index.ts';
import { TUPLE_SCHEMAS, tupleValue, type TupleField, type TupleKind } from '../../../../src/format/itemSchema.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import { extractionRanges, segmentBlocks, segmentText, type ItemKind } from '../../../shared/segments.ts';
import { useProfileStore } from '../../../shared/profile/profileStore.ts';
import { spanPalette, tint } from '../../../shared/spans/palette.ts';
import { assignLanes } from '../../../shared/spans/lanes.ts';
import { stackedLineHeight } from '../../../shared/spans/StackedMark.tsx';
import { fillLine, itemToken, lightItem, type LinePiece } from '../../../shared/spans/pieceDom.ts';
import { ItemTable, type Column } from './ItemTable.tsx';
import { localizedWarnings } from '../../../shared/i18n/coreMessages.ts';
import { arcsOf } from '../../../../src/annotate/arcs.ts';
import { ARC_SPACER, ArcLayer, drawnArcsOf } from '../../../shared/spans/ArcLayer.tsx';

type Kind = ItemKind;
/** Which item is under the pointer or focus, so its spans and its row light up together. */
export interface ItemRef {
  kind: Kind;
  index: number;
}

type Row<K extends Kind> = LocatedExtraction[K][number];

/**
 * A key that changes when the pieces of the text change. Inserting thousands of new pieces among old ones
 * makes React look for a sibling per insertion (quadratic); a new key builds the paragraph afresh instead.
 */
function layoutKey(segments: readonly { start: number }[]): string {
  let h = 2166136261;
  for (const s of segments) h = Math.imul(h ^ s.start, 16777619);
  return `${segments.length}-${h >>> 0}`;
}

/**
 * One line of the highlighted text, its pieces built as plain DOM (pieceDom.ts): the view is read-only, and
 * a React element per piece cost a long article's first render 15× the nodes themselves. Memoized, so a
 * hover (which lights pieces in place, see lightItem) rebuilds nothing.
 */
const Line = memo(function Line({ pieces, spacerAt, className, lineHeight }: { pieces: readonly LinePiece[]; spacerAt: ReadonlySet<number>; className: string | undefined; lineHeight: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    fillLine(ref.current!, pieces, spacerAt, ARC_SPACER);
  }, [pieces, spacerAt]);
  return <div ref={ref} data-block={pieces[0]!.start} className={className} style={{ lineHeight }} />;
});

/** The piece under the pointer. */
const markUnder = (t: EventTarget | null) => (t instanceof Element ? (t.closest('mark[data-items]') as HTMLElement | null) : null);

/** The item a piece under the pointer stands for (the first of its `data-items`), or null off the pieces. */
function itemUnder(e: MouseEvent<HTMLElement>): ItemRef | null {
  const el = markUnder(e.target);
  const [kind, index] = (el?.dataset.items ?? '').split(' ')[0]!.split(':');
  return el && kind ? { kind: kind as Kind, index: Number(index) } : null;
}

/** The category, the text with every located span highlighted, and the items as tables. Text is never HTML. */
export function ResultView({ text, extraction: x }: { text: string; extraction: LocatedExtraction }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<ItemRef | null>(null);
  const wordLabels = useProfileStore((s) => s.profile.wordLabels);
  const chosen = useProfileStore((s) => s.profile.labelColours);
  const colourOf = useMemo(() => spanPalette(wordLabels, chosen), [wordLabels, chosen]);
  // What the text shows depends on the extraction and the colours only, not on what is lit: a hover rebuilds nothing.
  const view = useMemo(() => {
    const located = extractionRanges(x, (role) => t(`result.${role}`));
    const lanes = assignLanes(located, (r) => r.label);
    const ranges = located.map((r, i) => ({ start: r.start, end: r.end, label: r.label, item: r.item, kind: r.kind, suggested: r.suggested, lane: lanes[i]!, colour: colourOf(r.colour) }));
    const segments = segmentText(text, ranges);
    const arcs = arcsOf(x);
    return {
      lines: segmentBlocks(segments),
      key: layoutKey(segments),
      legend: [...new Map(ranges.map((r) => [r.label, r.colour])).entries()],
      arcs,
      // Where an arc ends, a spacer the arc layer makes room for the arcs with (see ARC_SPACER).
      ends: new Set(arcs.flatMap((a) => [a.from[0], a.to[0]])) as ReadonlySet<number>,
    };
  }, [x, text, colourOf, t]);
  const { lines, legend, arcs, ends } = view;
  const isActive = (kind: Kind, index: number) => active?.kind === kind && active.index === index;
  // Relations and events as arcs over the text; hovering a label lights its row, as hovering its text does.
  const root = useRef<HTMLDivElement>(null);
  const drawnArcs = drawnArcsOf(x, arcs, colourOf, (role) => t(`result.${role}` as 'result.subject'), (a) => isActive(a.kind, a.item));
  // The lit item's pieces, lit in place; after a rebuild too (view.key), as the new pieces start unlit.
  useEffect(() => {
    if (root.current) lightItem(root.current, active === null ? null : itemToken(active.kind, active.index));
  }, [active, view]);

  const entityColumns: Column<Row<'entities'>>[] = [
    { header: t('result.label'), value: (e) => e.label },
    { header: t('result.span'), value: (e) => e.text },
    { header: t('result.offsets'), value: (e) => (e.start == null ? t('result.notFound') : `${e.start}–${e.end}`) },
  ];
  // Tuple columns are their schema's fields, in output order.
  const tupleColumns = <K extends TupleKind>(kind: K): Column<Row<K>>[] =>
    TUPLE_SCHEMAS[kind].fields.map((f) => ({ header: t(`result.${f.name}` as MessageKey), value: (row: Row<K>) => tupleValue(row, f.name as TupleField) ?? '—' }));
  const relationColumns = tupleColumns('relations');
  const eventColumns = tupleColumns('events');
  const tableProps = (kind: Kind) => ({ testId: kind, active: active?.kind === kind ? active.index : null, onActive: (i: number | null) => setActive(i === null ? null : { kind, index: i }) });

  return (
    <section className="grid grid-cols-1 gap-3" aria-label={t('result.heading')}>
      <div className="flex min-w-0 items-center gap-2">
        {/* A category is the model's string: a long one is cut to the line, whole on hover. */}
        <span className="min-w-0 truncate rounded-full bg-indigo-700 px-3 py-0.5 text-sm text-white" title={x.category ?? undefined} data-testid="category">
          {x.category ?? t('result.noCategory')}
        </span>
        {x.truncated && (
          <span className="rounded border border-amber-500 px-2 py-0.5 text-xs text-amber-900 dark:text-amber-100" data-testid="truncated">
            {t('result.truncated')}
          </span>
        )}
      </div>

      <div
        key={view.key}
        ref={root}
        className="relative text-lg leading-9 break-words"
        lang="ja"
        data-testid="highlighted"
        onMouseOver={(e) => {
          const item = itemUnder(e);
          if (item && !(active && item.kind === active.kind && item.index === active.index)) setActive(item);
        }}
        onMouseOut={(e) => {
          // Leaving a piece for anything but itself (its own text node) puts its item out.
          if (itemUnder(e) && markUnder(e.relatedTarget) !== markUnder(e.target)) setActive(null);
        }}
      >
        {lines.map((line) => (
          // Off-screen lines of a long document are not laid out until they scroll into view (unless arcs,
          // which are measured, are drawn over them).
          <Line
            key={line[0]!.start}
            pieces={line}
            spacerAt={ends}
            className={lines.length > 1 && arcs.length === 0 ? '[contain-intrinsic-size:auto_2.25rem] [content-visibility:auto]' : undefined}
            lineHeight={stackedLineHeight(Math.max(1, ...line.flatMap((s) => s.ranges.map((r) => r.lane + 1))))}
          />
        ))}
        {arcs.length > 0 && (
          <ArcLayer
            root={root}
            arcs={drawnArcs}
            version={view.key}
            onHover={(i) => setActive(i === null ? null : { kind: arcs[i]!.kind, index: arcs[i]!.item })}
          />
        )}
      </div>
      {legend.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-xs" aria-label={t('result.legend')}>
          {legend.map(([l, colour]) => (
            <li key={l} className="rounded border-b-[3px] px-1.5" style={{ backgroundColor: tint(colour), borderColor: colour }}>
              {l}
            </li>
          ))}
        </ul>
      )}

      <ItemTable items={x.entities} columns={entityColumns} {...tableProps('entities')} />
      <ItemTable items={x.relations} columns={relationColumns} {...tableProps('relations')} />
      <ItemTable items={x.events} columns={eventColumns} {...tableProps('events')} />

      {x.warnings.length > 0 && (
        <ul role="status" aria-label={t('result.warnings')} className="rounded border border-amber-500 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-testid="warnings">
          {localizedWarnings(x).map((w, i) => (
            <li key={i}>⚠ {w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

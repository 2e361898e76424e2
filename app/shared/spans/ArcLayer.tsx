import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { layoutArcs, type ArcPiece } from './arcLayout.ts';

/** An arc to draw between two ranges of the text (code points), with its label and colour. */
export interface DrawnArc {
  from: readonly [number, number];
  to: readonly [number, number];
  label: string;
  colour: string;
  selected?: boolean;
}

/** Below this width the arcs are not drawn: the tables beside the text are the view (a phone). */
export const MIN_ARC_WIDTH = 480;
/** Pixels between two levels of arcs, and from the text to the lowest. */
const LEVEL_PX = 16;
const BASE_PX = 8;
const LABEL_FONT = '11px system-ui, sans-serif';

/**
 * Room for arcs is made row by row: the piece where an arc ends gets a zero-width spacer before it
 * (`ARC_SPACER`, aligned to the bottom of the text) as tall as the text and the levels of arcs over its row, which lifts
 * that row's line box and no other. A block-wide line height would lift every row of a paragraph.
 */
export const ARC_SPACER = 'inline-block w-0 align-text-bottom';
const spacerFor = (textHeight: number, levels: number) => Math.ceil(textHeight + BASE_PX + levels * LEVEL_PX + 2);

let measureCtx: CanvasRenderingContext2D | null | undefined;
function labelWidth(label: string): number {
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  if (!measureCtx) return label.length * 11 + 8;
  measureCtx.font = LABEL_FONT;
  return measureCtx.measureText(label).width + 8;
}

interface Anchor {
  row: number;
  x: number;
  /** The top of the text on that row, relative to the root. */
  top: number;
  /** The first code point of the range, and the height of its text (the line's content, not its leading). */
  start: number;
  height: number;
}

interface Geometry {
  pieces: ArcPiece[];
  rowTops: number[];
  width: number;
  height: number;
  knob: Anchor | null;
  /** Where an arc being drawn starts and where it points. */
  source: Anchor | null;
  target: Anchor | null;
}

/** The pieces of text under `root` (`data-start` holds their first code point), in text order. */
function piecesOf(root: HTMLElement): { starts: number[]; els: HTMLElement[] } {
  const els = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  return { starts: els.map((e) => Number(e.dataset.start)), els };
}

/** The last index whose start is at most `pos`. */
function pieceAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Measures where a range of the text sits: the middle of its stretch on the first row it is on, and that
 * row's top. Pieces begin at every range's ends, so a range runs from the start of one piece to the end of
 * another.
 */
function measure(root: HTMLElement, origin: DOMRect, p: ReturnType<typeof piecesOf>, r: readonly [number, number]) {
  if (p.els.length === 0) return null;
  const a = p.els[pieceAt(p.starts, r[0])]!;
  const b = p.els[pieceAt(p.starts, r[1] - 1)]!;
  const range = document.createRange();
  range.setStartBefore(a.firstChild ?? a);
  range.setEndAfter(b.firstChild ?? b);
  const rects = [...range.getClientRects()].filter((x) => x.width > 0);
  const first = rects[0];
  if (!first) return null;
  const row = rects.filter((x) => Math.abs(x.top - first.top) < 3);
  const left = Math.min(...row.map((x) => x.left));
  const right = Math.max(...row.map((x) => x.right));
  return { x: (left + right) / 2 - origin.left, top: first.top - origin.top, start: r[0], height: first.height };
}

/** Measures the text under `el` and lays the arcs out over it; null when none are drawn (nothing to draw, or too narrow). */
function measureArcs(
el: HTMLElement,
  arcs: readonly DrawnArc[],
  knob: readonly [number, number] | null | undefined,
  link: { from: readonly [number, number]; to: readonly [number, number] | null } | null | undefined,
): { geometry: Geometry; spacers: Record<string, number> } | null {
  // Nothing to draw is decided before the width is read, which would lay the text out.
  if (arcs.length === 0 && !knob && !link) return null;
  if (el.clientWidth < MIN_ARC_WIDTH) return null;
  const origin = el.getBoundingClientRect();
  const pieces = piecesOf(el);
  // Rows are told apart by their tops; every end measured on one row shares its top.
  const tops: number[] = [];
  const rowOf = (top: number) => {
    let i = tops.findIndex((t) => Math.abs(t - top) < 3);
    if (i === -1) i = tops.push(top) - 1;
    return i;
  };
  const at = (r: readonly [number, number]): Anchor | null => {
    const m = measure(el, origin, pieces, r);
    return m && { ...m, row: rowOf(m.top) };
  };
  const ends: (readonly [Anchor, Anchor] | null)[] = arcs.map((a) => {
    const f = at(a.from);
    const t = at(a.to);
    return f && t ? [f, t] : null;
  });
  const knobAt = knob ? at(knob) : null;
  const target = link?.to ? at(link.to) : null;
  const linkFrom = link ? at(link.from) : null;
  // Rows renumbered top to bottom, so "across rows" reads in reading order.
  const order = tops.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0]);
  const rank = new Map(order.map(([, i], k) => [i, k]));
  const renumber = (a: Anchor): Anchor => ({ ...a, row: rank.get(a.row)! });
  const drawn = ends.flatMap((e, i) => (e ? [{ i, e: [renumber(e[0]), renumber(e[1])] as const }] : []));
  const w = el.clientWidth;
  const { pieces: laid, levels } = layoutArcs(
    drawn.map(({ i, e }) => ({ from: e[0], to: e[1], labelWidth: labelWidth(arcs[i]!.label) })),
    w,
  );
  // Each end's piece gets a spacer for the arcs over its row (a knob or an arc being drawn needs one level).
  const spacers: Record<string, number> = {};
  const need = (a: Anchor, levels: number) => (spacers[a.start] = Math.max(spacers[a.start] ?? 0, spacerFor(a.height, levels)));
  for (const { e } of drawn) for (const a of e) need(a, levels[a.row] ?? 0);
  for (const a of [linkFrom, knobAt]) if (a) need(renumber(a), Math.max(1, levels[renumber(a).row] ?? 0));
  const geometry: Geometry = {
    pieces: laid.map((p) => ({ ...p, arc: drawn[p.arc]!.i })),
    rowTops: order.map(([t]) => t),
    width: w,
    height: el.scrollHeight,
    knob: knobAt && renumber(knobAt),
    source: linkFrom && renumber(linkFrom),
    target: target && renumber(target),
  };
  return { geometry, spacers };
}

/**
 * Relations and event roles as arcs above the text, in an SVG laid over it. The text under `root` is
 * measured after it is laid out; the room each row needs goes back through `onSpacers`, which the text
 * turns into spacers, and the arcs are measured again in the new rows. The arcs are a picture of the
 * tables beside them (which stay the accessible view): each label is clickable, the SVG is hidden from
 * assistive technology, and text stays text.
 */
export function ArcLayer({
  root,
  arcs,
  version,
  onSpacers,
  onPick,
  onHover,
  knob,
  onKnob,
  link,
}: {
  root: RefObject<HTMLElement | null>;
  arcs: readonly DrawnArc[];
  /** Changes whenever the text under `root` is laid out anew (its pieces or line heights). */
  version: string;
  /** The spacer (pixels) each piece where an arc ends needs, by its first code point (see ARC_SPACER). */
  onSpacers(spacers: Readonly<Record<string, number>>): void;
  onPick?(i: number): void;
  onHover?(i: number | null): void;
  /** A handle over this range: dragged onto another piece of text, it draws a new arc from it. */
  knob?: readonly [number, number] | null;
  onKnob?(e: ReactPointerEvent): void;
  /** An arc being drawn: from a range to another, or to the pointer (relative to the root). */
  link?: { from: readonly [number, number]; to: readonly [number, number] | null; pointer: { x: number; y: number } | null } | null;
}) {
  const [geometry, setGeometry] = useState<Geometry | null>(null);
  const [width, setWidth] = useState(0);
  const reported = useRef('');
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [root]);
  const key = `${version}|${width}|${arcs.map((a) => `${a.from}>${a.to}:${a.label}`).join()}|${knob ?? ''}|${link?.from ?? ''}>${link?.to ?? ''}`;
  useLayoutEffect(() => {
    const el = root.current;
    const report = (levels: Record<string, number>) => {
      const k = JSON.stringify(levels);
      if (k !== reported.current) {
        reported.current = k;
        onSpacers(levels);
      }
    };
    const next = el ? measureArcs(el, arcs, knob, link) : null;
    report(next?.spacers ?? {});
    // The arcs are drawn where the text was laid out, which is only known after it was: a state set from
    // the DOM's layout, before paint, as React's docs show for tooltips.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setGeometry(next?.geometry ?? null);
    // `key` stands for everything read here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!geometry) return null;
  const { pieces, rowTops } = geometry;
  const lineY = (p: ArcPiece) => rowTops[p.row]! - BASE_PX - p.level * LEVEL_PX;
  return (
    <svg
      className="pointer-events-none absolute top-0 left-0 overflow-visible"
      width={geometry.width}
      height={geometry.height}
      aria-hidden="true"
      data-testid="arcs"
      data-arcs={arcs.length}
    >
      {pieces.map((p, k) => {
        // Laid out for the arcs of the last layout, which the layout effect replaces before paint.
        const a = arcs[p.arc];
        if (!a) return null;
        const y = lineY(p);
        const top = rowTops[p.row]! - 1;
        const d = [`M ${p.x1} ${p.legAt1 ? top : y}`, `L ${p.x1} ${y}`, `L ${p.x2} ${y}`, `L ${p.x2} ${p.legAt2 ? top : y}`].join(' ');
        const tip = p.arrowAt === null ? null : p.arrowAt === 1 ? p.x1 : p.x2;
        const width = a.selected ? 2.5 : 1.25;
        return (
          <g key={k} data-arc={p.arc} data-level={p.level} data-row={p.row} data-selected={a.selected || undefined}>
            <path d={d} fill="none" stroke={a.colour} strokeWidth={width} />
            {tip !== null && <path d={`M ${tip - 4} ${top - 6} L ${tip} ${top} L ${tip + 4} ${top - 6} Z`} fill={a.colour} />}
            {p.labelX !== null && (
              <g
                className={onPick ? 'pointer-events-auto cursor-pointer' : 'pointer-events-auto'}
                data-arc-label={a.label}
                onClick={onPick && (() => onPick(p.arc))}
                onMouseEnter={onHover && (() => onHover(p.arc))}
                onMouseLeave={onHover && (() => onHover(null))}
              >
                <rect x={p.labelX - labelWidth(a.label) / 2} y={y - 7} width={labelWidth(a.label)} height={14} rx={3} className="fill-white dark:fill-slate-950" stroke={a.colour} strokeWidth={a.selected ? 2 : 1} />
                <text x={p.labelX} y={y + 4} textAnchor="middle" className="fill-slate-900 dark:fill-slate-100" style={{ font: LABEL_FONT }}>
                  {a.label}
                </text>
              </g>
            )}
          </g>
        );
      })}
      {geometry.knob && onKnob && (
        <circle
          cx={geometry.knob.x}
          cy={rowTops[geometry.knob.row]! - BASE_PX}
          r={6}
          className="pointer-events-auto cursor-crosshair fill-indigo-600 stroke-white"
          strokeWidth={2}
          data-testid="link-knob"
          onPointerDown={onKnob}
        />
      )}
      {link && geometry.source && (link.pointer || geometry.target) && (
        <path
          d={`M ${geometry.source.x} ${rowTops[geometry.source.row]! - BASE_PX} L ${geometry.target ? geometry.target.x : link.pointer!.x} ${geometry.target ? rowTops[geometry.target.row]! - 1 : link.pointer!.y}`}
          stroke="#4f46e5"
          strokeWidth={2}
          strokeDasharray="4 3"
          fill="none"
          data-testid="link-preview"
        />
      )}
    </svg>
  );
}

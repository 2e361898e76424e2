import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { layoutArcs, type ArcPiece } from './arcLayout.ts';
import type { LocatedExtraction } from '../../../src/index.ts';
import type { Arc } from '../../../src/annotate/arcs.ts';
import type { ColourKey } from './palette.ts';

/** An arc to draw between two ranges of the text (code points), with its label and colour. */
export interface DrawnArc {
  from: readonly [number, number];
  to: readonly [number, number];
  label: string;
  colour: string;
  selected?: boolean;
  /** A model's suggestion nobody decided on: drawn dashed. */
  suggested?: boolean;
}

/** Below this width the arcs are not drawn: the tables beside the text are the view (a phone). */
export const MIN_ARC_WIDTH = 480;
/** Pixels between two levels of arcs, and from the text to the lowest. */
const LEVEL_PX = 16;
const BASE_PX = 8;
const LABEL_FONT = '11px system-ui, sans-serif';

/**
 * Room for arcs is made row by row: each piece where an arc may end carries a spacer (`ARC_SPACER`, its
 * `::before`, with `data-spacer`), and the arc layer makes it (`--arc-space`) as tall as the text and the
 * levels of arcs over its row, which lifts that row's line box and no other (a block-wide line height would
 * lift every row of a paragraph). The spacer is zero wide, aligned to the text's bottom, and part of the
 * piece, so it never sits at the end of the row before it (an element of its own could).
 */
export const ARC_SPACER = "before:inline-block before:w-0 before:align-text-bottom before:h-(--arc-space,0px) before:content-['']";
const spacerFor = (textHeight: number, levels: number) => Math.ceil(textHeight + BASE_PX + levels * LEVEL_PX + 2);

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** Label widths by label: the layout and every draw of a label ask for it, and labels repeat. */
const widths = new Map<string, number>();
function labelWidth(label: string): number {
  const known = widths.get(label);
  if (known !== undefined) return known;
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  let w = label.length * 11 + 8;
  if (measureCtx) {
    measureCtx.font = LABEL_FONT;
    w = measureCtx.measureText(label).width + 8;
  }
  widths.set(label, w);
  return w;
}

/**
 * An extraction's arcs as both text views draw them: a relation by its label and colour, an event role by
 * its name in the UI (`roleName`) and its role colour, a suggestion dashed.
 */
export function drawnArcsOf(x: LocatedExtraction, arcs: readonly Arc[], colourOf: (key: ColourKey) => string, roleName: (role: string) => string, selected: (a: Arc) => boolean): DrawnArc[] {
  return arcs.map((a) => ({
    from: a.from,
    to: a.to,
    label: a.kind === 'relations' ? a.label : roleName(a.role),
    colour: colourOf(a.kind === 'relations' ? { relation: a.label } : { role: a.role }),
    selected: selected(a),
    suggested: x[a.kind][a.item]?.provenance?.suggestion === true,
  }));
}

interface Anchor {
  row: number;
  x: number;
  /** The top of the text on that row, relative to the root. */
  top: number;
  /** The first code point of the range, the height of its text (the line's content, not its leading) and the top of its line box. */
  start: number;
  height: number;
  lineTop: number;
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
 * Measures where a range of the text sits: the middle of its stretch on the first row it is on, that row's
 * top, the height of its text and the top of its line box. Pieces begin at every range's ends, so a range
 * is whole pieces; their own boxes are read (a piece's bottom padding holds its bars, not text).
 */
function measure(origin: DOMRect, p: ReturnType<typeof piecesOf>, r: readonly [number, number], lines: LineBoxes) {
  if (p.els.length === 0) return null;
  const from = pieceAt(p.starts, r[0]);
  const to = pieceAt(p.starts, r[1] - 1);
  const el = p.els[from]!;
  const first = el.getClientRects()[0];
  if (!first) return null;
  let right = first.right;
  for (let i = from; i <= to; i++)
    for (const x of p.els[i]!.getClientRects()) if (Math.abs(x.top - first.top) < 3 && x.width > 0) right = Math.max(right, x.right);
  const height = first.height - Number(el.dataset.pad ?? 0);
  return { x: (first.left + right) / 2 - origin.left, top: first.top - origin.top, start: r[0], height, lineTop: lines.topOf(el, first.top) - origin.top };
}

/**
 * The line boxes of the blocks (`data-block`): every row of a block is one line height tall while no
 * spacer lifts it, so the top of the line a piece is on follows from the block's top.
 */
class LineBoxes {
  private blocks = new Map<Element, { top: number; height: number }>();
  topOf(piece: HTMLElement, textTop: number): number {
    const block = piece.closest('[data-block]');
    if (!block) return textTop;
    let b = this.blocks.get(block);
    if (!b) {
      b = { top: block.getBoundingClientRect().top, height: parseFloat(getComputedStyle(block).lineHeight) || 36 };
      this.blocks.set(block, b);
    }
    return b.top + Math.floor((textTop - b.top) / b.height) * b.height;
  }
}

/** Measures the text under `el` and lays the arcs out over it; null when none are drawn (nothing to draw, or too narrow). */
function measureArcs(
  el: HTMLElement,
  arcs: readonly DrawnArc[],
  knob: readonly [number, number] | null | undefined,
  link: { from: readonly [number, number]; to: readonly [number, number] | null } | null | undefined,
): Geometry | null {
  const spacerEls = [...el.querySelectorAll<HTMLElement>('[data-spacer]')];
  // Measured with no room made, so one layout tells everything; the room is then made, and where each row
  // moves to is worked out, not measured again (a second layout of the whole text).
  for (const sp of spacerEls) if (sp.style.getPropertyValue('--arc-space')) sp.style.removeProperty('--arc-space');
  // Nothing to draw is decided before the width is read, which would lay the text out.
  if (arcs.length === 0 && !knob && !link) return null;
  const origin = el.getBoundingClientRect();
  if (origin.width < MIN_ARC_WIDTH) return null;
  const pieces = piecesOf(el);
  const lines = new LineBoxes();
  // Rows are told apart by their tops; every end measured on one row shares its top.
  const tops: number[] = [];
  const rowOf = (top: number) => {
    let i = tops.findIndex((t) => Math.abs(t - top) < 3);
    if (i === -1) i = tops.push(top) - 1;
    return i;
  };
  const at = (r: readonly [number, number]): Anchor | null => {
    const m = measure(origin, pieces, r, lines);
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
  const w = origin.width;
  const { pieces: laid, levels } = layoutArcs(
    drawn.map(({ i, e }) => ({ from: e[0], to: e[1], labelWidth: labelWidth(arcs[i]!.label) })),
    w,
  );
  // Each end's piece gets a spacer for the arcs over its row (a knob or an arc being drawn needs one level).
  const spacers = new Map<number, number>();
  const lift = new Map<number, number>();
  const need = (a: Anchor, levels: number) => {
    const h = Math.max(spacers.get(a.start) ?? 0, spacerFor(a.height, levels));
    spacers.set(a.start, h);
    // A spacer as tall as `h` standing on the text's bottom lifts the line box's top by what it passes it.
    lift.set(a.row, Math.max(lift.get(a.row) ?? 0, h - (a.top + a.height - a.lineTop)));
  };
  for (const { e } of drawn) for (const a of e) need(a, levels[a.row] ?? 0);
  for (const a of [linkFrom, knobAt]) if (a) need(renumber(a), Math.max(1, levels[renumber(a).row] ?? 0));
  const height = el.scrollHeight;
  for (const sp of spacerEls) {
    const h = spacers.get(Number(sp.dataset.spacer));
    if (h) sp.style.setProperty('--arc-space', `${h}px`);
  }
  // Each row moves down by what the rows above it, and its own, were lifted.
  let moved = 0;
  const rowTops = order.map(([t], row) => (moved += Math.max(0, lift.get(row) ?? 0)) + t);
  return {
    pieces: laid.map((p) => ({ ...p, arc: drawn[p.arc]!.i })),
    rowTops,
    width: w,
    height: height + moved,
    knob: knobAt && renumber(knobAt),
    source: linkFrom && renumber(linkFrom),
    target: target && renumber(target),
  };
}

/**
 * Relations and event roles as arcs above the text, in an SVG laid over it. The text under `root` is
 * measured once after it is laid out; the room each row needs is made in the text's spacers (see
 * ARC_SPACER) and the rows' new places worked out from it. The arcs are a picture of the
 * tables beside them (which stay the accessible view): each label is clickable, the SVG is hidden from
 * assistive technology, and text stays text.
 */
export function ArcLayer({
  root,
  arcs,
  version,
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
  onPick?(i: number): void;
  onHover?(i: number | null): void;
  /** A handle over this range: dragged onto another piece of text, it draws a new arc from it. */
  knob?: readonly [number, number] | null;
  onKnob?(e: ReactPointerEvent): void;
  /** An arc being drawn: from a range to another, or to the pointer (relative to the root). */
  link?: { from: readonly [number, number]; to: readonly [number, number] | null; pointer: { x: number; y: number } | null } | null;
}) {
  const [geometry, setGeometry] = useState<Geometry | null>(null);
  // A new width re-wraps the text: measured again. The width of the last layout is kept, so the observer's
  // first call (the width it was laid out at) costs nothing.
  const [width, setWidth] = useState(0);
  const measuredWidth = useRef(0);
  useEffect(() => {
    const el = root.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = entry!.borderBoxSize[0]?.inlineSize ?? el.getBoundingClientRect().width;
      if (Math.abs(w - measuredWidth.current) > 0.5) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [root]);
  const key = `${version}|${width}|${arcs.map((a) => `${a.from}>${a.to}:${a.label}`).join()}|${knob ?? ''}|${link?.from ?? ''}>${link?.to ?? ''}`;
  const own = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    // On a mount (the text's holder is keyed by its layout, so every new layout is one) this runs before
    // React attaches the holder's ref, which comes after its children's layout effects: the holder is then
    // read off this layer's own element, which sits directly in it. Without it the arcs waited a frame for
    // the ResizeObserver to ask again (bench/render.ts).
    const el = root.current ?? (own.current?.parentElement as HTMLElement | null | undefined) ?? null;
    const next = el ? measureArcs(el, arcs, knob, link) : null;
    measuredWidth.current = next?.width ?? 0;
    // The arcs are drawn where the text was laid out, which is only known after it was: a state set from
    // the DOM's layout, before paint, as React's docs show for tooltips.
    setGeometry(next);
    // `key` stands for everything read here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!geometry) return <svg ref={own} className="pointer-events-none absolute top-0 left-0" width={0} height={0} aria-hidden="true" />;
  const { pieces, rowTops } = geometry;
  const lineY = (p: ArcPiece) => rowTops[p.row]! - BASE_PX - p.level * LEVEL_PX;
  return (
    <svg
      ref={own}
      // Never wider than the text: between a narrower window and the next measure (a ResizeObserver frame
      // later) its box kept the old width and widened the page (CI saw 991 px at 360).
      className="pointer-events-none absolute top-0 left-0 max-w-full overflow-visible"
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
          <g key={k} data-arc={p.arc} data-level={p.level} data-row={p.row} data-selected={a.selected || undefined} data-suggested={a.suggested || undefined}>
            <path d={d} fill="none" stroke={a.colour} strokeWidth={width} strokeDasharray={a.suggested ? '5 3' : undefined} />
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

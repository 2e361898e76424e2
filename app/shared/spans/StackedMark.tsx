import type { CSSProperties, MouseEvent, ReactNode } from 'react';
import { tint } from './palette.ts';
import { sharedClass } from './sharedClasses.ts';

/** A range over a piece as drawn: its lane under the text, its colour, and what it is shown as. */
export interface DrawnRange {
  start: number;
  end: number;
  label: string;
  lane: number;
  colour: string;
  /** A model's suggestion nobody decided on: its bar is dashed, its tint fainter. */
  suggested?: boolean;
}

/** Pixels per lane: a 3 px bar and a 1 px gap. */
export const LANE_PX = 4;
/** Space between the text and the first bar. */
const GAP_PX = 2;

/**
 * The line height of a stretch of text whose spans stack `lanes` deep: the leading grows by one lane
 * below (and, as CSS shares leading, one above) for each lane past the first, so bars never overlap
 * the next line. `extra` is room asked for by something else (arcs above the text).
 */
export const stackedLineHeight = (lanes: number, extra = 0) => `${36 + Math.max(0, lanes - 1) * 2 * LANE_PX + extra}px`;

/** The bottom padding of a piece whose spans stack `depth` deep: the gap, then one lane per level. */
const padFor = (depth: number) => GAP_PX + depth * LANE_PX;

/** How a piece is painted: a shared class where the page can make one, else an inline style. */
export type Look = { className: string; style?: undefined } | { className?: undefined; style: CSSProperties };
const looks = new Map<string, Look>();

/**
 * How a piece under spans is painted, with no element of its own per span: the bottom padding of an
 * inline box does not move the lines, but its background is painted there, so the tint sits behind the
 * text and each span's bar is one background layer in its lane below it. Pieces that look alike share
 * one class (see sharedClasses.ts).
 */
export function stackedLook(byLane: readonly DrawnRange[], lit: boolean, litLane: number): Look {
  const key = `${byLane.map((r) => `${r.lane}${r.colour}${r.suggested ? 's' : ''}`).join()}|${lit}|${litLane}`;
  let look = looks.get(key);
  if (look) return look;
  const style = stackedStyle(byLane, lit, litLane);
  const className = sharedClass(key, `background:${style.background};padding-bottom:${style.paddingBottom}`);
  look = className === null ? { style } : { className };
  looks.set(key, look);
  return look;
}

function stackedStyle(byLane: readonly DrawnRange[], lit: boolean, litLane: number): { background: string; paddingBottom: string } {
  const depth = byLane[byLane.length - 1]!.lane + 1;
  const pad = padFor(depth);
  const layers = byLane.map((r) => {
    const height = r.lane === litLane ? LANE_PX : LANE_PX - 1;
    // Offsets from the bottom of the padding box: lane 0 just under the text, the others below it.
    const fromBottom = pad - GAP_PX - r.lane * LANE_PX - height;
    // A suggestion's bar is dashed (5 px on, 3 off), so a model's items read apart from decided ones in any colour.
    const paint = r.suggested ? `repeating-linear-gradient(90deg, ${r.colour} 0 5px, transparent 5px 8px)` : `linear-gradient(${r.colour}, ${r.colour})`;
    return `${paint} left 0 bottom ${fromBottom}px / 100% ${height}px ${r.suggested ? 'repeat-x' : 'no-repeat'}`;
  });
  const fill = byLane[0]!.suggested && !lit ? `color-mix(in srgb, ${byLane[0]!.colour} 12%, transparent)` : tint(byLane[0]!.colour, lit);
  layers.push(`linear-gradient(${fill}, ${fill}) left 0 top 0 / 100% calc(100% - ${pad}px) no-repeat`);
  return { background: layers.join(', '), paddingBottom: `${pad}px` };
}

/**
 * The lane of the bar a click landed on, or null for a click on the text: the mark's box is its text and,
 * below it, its lanes (`data-pad` pixels of bottom padding).
 */
export function laneAt(e: MouseEvent<HTMLElement>): number | null {
  const el = e.currentTarget;
  const pad = Number(el.dataset.pad);
  const r = el.getBoundingClientRect();
  const below = e.clientY - (r.bottom - pad) - GAP_PX;
  if (!pad || below < 0) return null;
  return Math.min(Number(el.dataset.lanes) - 1, Math.floor(below / LANE_PX));
}

/** A piece's ranges, outermost lane first. */
export const byLaneOf = <R extends DrawnRange>(ranges: readonly R[]) => [...ranges].sort((a, b) => a.lane - b.lane);

/**
 * What a drawn piece says of its spans, as attributes (the same in React and in plain DOM, see pieceDom.ts):
 * the labels, lanes and colours tests and the lane picker read, and the title a pointer shows.
 */
export function markAttributes(byLane: readonly DrawnRange[]): Record<string, string | undefined> {
  const depth = byLane[byLane.length - 1]!.lane + 1;
  return {
    'data-labels': byLane.map((r) => r.label).join(' '),
    'data-lanes': String(depth),
    'data-bars': byLane.map((r) => `${r.lane}:${r.label}`).join(' '),
    'data-colours': byLane.map((r) => r.colour).join(' '),
    'data-suggested': byLane.some((r) => r.suggested) ? 'true' : undefined,
    'data-pad': String(padFor(depth)),
    title: byLane.map((r) => r.label).join(', '),
  };
}

/** A lit piece wears a ring, not an outline: an outline would take in the spacer an arc's end puts before the text (ARC_SPACER). */
export const markClass = (look: Look, lit: boolean, extra?: string) => `text-inherit ${lit ? 'ring-2 ring-indigo-600' : ''} ${look.className ?? ''} ${extra ?? ''}`;

/**
 * A piece of text under one or more spans: tinted with the outermost span's colour, with one bar per
 * span in its lane below the text, so nested and overlapping spans (名古屋市 holding 名古屋) and two
 * labels on one span all show. A click on a bar picks exactly its span. Text stays text.
 */
export function StackedMark({
  text,
  ranges,
  lit,
  litLane = -1,
  onBar,
  onText,
  children,
  ...rest
}: {
  text: string;
  /** The ranges covering the piece, any order. */
  ranges: readonly DrawnRange[];
  lit: boolean;
  /** The lane of the selected span's bar (drawn thicker), or -1. */
  litLane?: number;
  onBar?(r: DrawnRange): void;
  onText?(): void;
  children?: ReactNode;
} & Omit<React.HTMLAttributes<HTMLElement>, 'children' | 'onClick'> & { [data: `data-${string}`]: unknown }) {
  const byLane = byLaneOf(ranges);
  const look = stackedLook(byLane, lit, litLane);
  const click = (e: MouseEvent<HTMLElement>) => {
    const lane = onBar ? laneAt(e) : null;
    const bar = lane === null ? undefined : byLane.find((r) => r.lane === lane);
    if (bar && onBar) onBar(bar);
    else onText?.();
  };
  return (
    <mark
      {...rest}
      {...markAttributes(byLane)}
      className={markClass(look, lit, rest.className)}
      style={look.style}
      onClick={onBar || onText ? click : undefined}
    >
      {text}
      {children}
    </mark>
  );
}

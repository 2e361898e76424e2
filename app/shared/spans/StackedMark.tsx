import type { MouseEvent, ReactNode } from 'react';
import { tint } from './palette.ts';

/** A range over a piece as drawn: its lane under the text, its colour, and what it is shown as. */
export interface DrawnRange {
  start: number;
  end: number;
  label: string;
  lane: number;
  colour: string;
}

/** Pixels per lane: a 3 px bar and a 1 px gap. */
export const LANE_PX = 4;

/**
 * The line height of a stretch of text whose spans stack `lanes` deep: the leading grows by one lane
 * below (and, as CSS shares leading, one above) for each lane past the first, so bars never overlap
 * the next line.
 */
export const stackedLineHeight = (lanes: number) => `${36 + Math.max(0, lanes - 1) * 2 * LANE_PX}px`;

/**
 * A piece of text under one or more spans: tinted with the outermost span's colour, with one bar per
 * span in its lane below the text, so nested and overlapping spans (名古屋市 holding 名古屋) and two
 * labels on one span all show. A bar can be clicked to pick exactly its span. Text stays text.
 */
export function StackedMark({
  text,
  ranges,
  lit,
  litBar,
  onBar,
  children,
  ...rest
}: {
  text: string;
  /** The ranges covering the piece, any order. */
  ranges: readonly DrawnRange[];
  lit: boolean;
  /** Which bar is the selected span's (drawn thicker). */
  litBar?: (r: DrawnRange) => boolean;
  onBar?(r: DrawnRange): void;
  children?: ReactNode;
} & Omit<React.HTMLAttributes<HTMLElement>, 'children'> & { [data: `data-${string}`]: unknown }) {
  const byLane = [...ranges].sort((a, b) => a.lane - b.lane);
  const outer = byLane[0]!;
  return (
    <mark
      {...rest}
      data-labels={byLane.map((r) => r.label).join(' ')}
      data-lanes={byLane.length}
      title={byLane.map((r) => r.label).join(', ')}
      className={`relative text-inherit ${lit ? 'outline-2 outline-indigo-600' : ''} ${rest.className ?? ''}`}
      style={{ backgroundColor: tint(outer.colour, lit) }}
    >
      {text}
      {children}
      {byLane.map((r) => (
        <span
          key={`${r.lane}-${r.label}`}
          aria-hidden="true"
          data-bar={r.label}
          data-lane={r.lane}
          className={`absolute inset-x-0 ${onBar ? 'cursor-pointer' : ''}`}
          style={{ bottom: `-${2 + (r.lane + 1) * LANE_PX}px`, height: `${LANE_PX}px`, borderBottom: `${litBar?.(r) ? 4 : 3}px solid ${r.colour}` }}
          onClick={
            onBar &&
            ((e: MouseEvent) => {
              e.stopPropagation();
              onBar(r);
            })
          }
        />
      ))}
    </mark>
  );
}

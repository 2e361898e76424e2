/**
 * Where arcs go over wrapped text, brat style, as a pure function of measured positions: an arc whose two
 * ends sit on one row is one bracket over that row; one across rows is two halves, from its first end to
 * the right edge and from the left edge to its second end, each with the label. Within a row each piece (with its label) takes
 * the lowest level where it overlaps nothing, shorter pieces lower, so no two labels ever overlap.
 */

/** An end of an arc as measured: its row (index into the rows, top to bottom) and the x of its middle. */
export interface ArcAnchor {
  row: number;
  x: number;
}

export interface ArcInput {
  from: ArcAnchor;
  to: ArcAnchor;
  /** The label's width in pixels. */
  labelWidth: number;
}

/** One drawn piece of an arc, on one row. */
export interface ArcPiece {
  /** The index of its arc in the input. */
  arc: number;
  row: number;
  level: number;
  /** Its horizontal line, left to right. */
  x1: number;
  x2: number;
  /** Where it comes down to the text: at x1, x2, both, or neither (a middle row is never drawn). */
  legAt1: boolean;
  legAt2: boolean;
  /** The end of the arc (the arrowhead) is at x1 or x2, or on another row. */
  arrowAt: 1 | 2 | null;
  /** The label's centre on the line. */
  labelX: number | null;
}

/** Pixels between two pieces on a level, and the narrowest a bracket is drawn. */
const GAP = 6;
const MIN_WIDTH = 12;

export function layoutArcs(arcs: readonly ArcInput[], width: number): { pieces: ArcPiece[]; levels: number[] } {
  const pieces: (ArcPiece & { lo: number; hi: number })[] = [];
  arcs.forEach((a, arc) => {
    const forward = a.from.row < a.to.row || (a.from.row === a.to.row && a.from.x <= a.to.x);
    const [first, second] = forward ? [a.from, a.to] : [a.to, a.from];
    const arrowOnSecond = forward;
    const label = (x1: number, x2: number) => Math.min(Math.max((x1 + x2) / 2, a.labelWidth / 2), width - a.labelWidth / 2);
    const extent = (x1: number, x2: number, labelX: number | null) => {
      const half = labelX === null ? 0 : a.labelWidth / 2;
      return { lo: Math.min(x1, labelX === null ? x1 : labelX - half) - GAP, hi: Math.max(x2, labelX === null ? x2 : labelX + half) + GAP };
    };
    if (first.row === second.row) {
      let x1 = first.x;
      let x2 = second.x;
      if (x2 - x1 < MIN_WIDTH) {
        const mid = (x1 + x2) / 2;
        x1 = mid - MIN_WIDTH / 2;
        x2 = mid + MIN_WIDTH / 2;
      }
      const labelX = label(x1, x2);
      pieces.push({ arc, row: first.row, level: 0, x1, x2, legAt1: true, legAt2: true, arrowAt: arrowOnSecond ? 2 : 1, labelX, ...extent(x1, x2, labelX) });
      return;
    }
    // Both halves carry the label: either may be all of the arc a reader sees.
    const l1 = label(first.x, width);
    pieces.push({ arc, row: first.row, level: 0, x1: first.x, x2: width, legAt1: true, legAt2: false, arrowAt: arrowOnSecond ? null : 1, labelX: l1, ...extent(first.x, width, l1) });
    const l2 = label(0, second.x);
    pieces.push({ arc, row: second.row, level: 0, x1: 0, x2: second.x, legAt1: false, legAt2: true, arrowAt: arrowOnSecond ? 2 : null, labelX: l2, ...extent(0, second.x, l2) });
  });

  const levels: number[] = [];
  const byRow = new Map<number, typeof pieces>();
  for (const p of pieces) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  for (const [row, ps] of byRow) {
    // Shorter pieces first, so they sit low and the long ones span over them.
    ps.sort((a, b) => a.hi - a.lo - (b.hi - b.lo) || a.lo - b.lo);
    const taken: { lo: number; hi: number }[][] = [];
    for (const p of ps) {
      let level = taken.findIndex((l) => l.every((q) => q.hi <= p.lo || q.lo >= p.hi));
      if (level === -1) level = taken.push([]) - 1;
      taken[level]!.push(p);
      p.level = level;
    }
    levels[row] = taken.length;
  }
  for (let r = 0; r < levels.length; r++) levels[r] ??= 0;
  return { pieces: pieces.map((p) => ({ arc: p.arc, row: p.row, level: p.level, x1: p.x1, x2: p.x2, legAt1: p.legAt1, legAt2: p.legAt2, arrowAt: p.arrowAt, labelX: p.labelX })), levels };
}

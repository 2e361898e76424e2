export interface LabeledRange {
  start: number;
  end: number;
  label: string;
  /** Index of the item the range belongs to, for linking text and tables. */
  item: number;
}

export interface Segment {
  text: string;
  start: number;
  ranges: LabeledRange[];
}

/**
 * Cuts text (offsets in code points) into runs covered by the same set of ranges, so overlapping spans
 * render as flat, readable pieces instead of nested markup.
 */
export function segmentText(text: string, ranges: readonly LabeledRange[]): Segment[] {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const r of ranges) {
    if (r.start >= 0 && r.end <= chars.length && r.start < r.end) {
      cuts.add(r.start);
      cuts.add(r.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    out.push({ text: chars.slice(a, b).join(''), start: a, ranges: ranges.filter((r) => r.start <= a && r.end >= b) });
  }
  return out;
}

/** A stable colour per label, so the same label reads the same everywhere. */
export function labelHue(label: string): number {
  let h = 0;
  for (const c of label) h = (h * 31 + c.codePointAt(0)!) % 360;
  return h;
}

export interface LabeledRange {
  start: number;
  end: number;
  label: string;
  /** Index of the item the range belongs to, for linking text and tables. */
  item: number;
}

export interface Segment<R extends LabeledRange = LabeledRange> {
  text: string;
  start: number;
  ranges: R[];
}

/**
 * Cuts text (offsets in code points) into runs covered by the same set of ranges, so overlapping spans
 * render as flat, readable pieces instead of nested markup. One sweep over the range ends: linear in the
 * text and the ranges, for articles with thousands of spans.
 */
export function segmentText<R extends LabeledRange>(text: string, ranges: readonly R[]): Segment<R>[] {
  const chars = Array.from(text);
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= chars.length && r.start < r.end);
  const starts = [...valid].sort((a, b) => a.start - b.start);
  const ends = [...valid].sort((a, b) => a.end - b.end);
  const cuts = [...new Set([0, chars.length, ...valid.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const order = new Map(valid.map((r, i) => [r, i]));
  const active = new Set<R>();
  const out: Segment<R>[] = [];
  let si = 0;
  let ei = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    while (ei < ends.length && ends[ei]!.end <= a) active.delete(ends[ei++]!);
    while (si < starts.length && starts[si]!.start <= a) {
      const r = starts[si++]!;
      if (r.end > a) active.add(r);
    }
    // Ranges come out in input order, so the first one (its colour) does not depend on the sweep.
    const covering = active.size ? [...active].sort((x, y) => order.get(x)! - order.get(y)!) : [];
    out.push({ text: chars.slice(a, b).join(''), start: a, ranges: covering });
  }
  return out;
}

/**
 * Groups segments into lines at line breaks (a segment spanning one is cut there), so a long document can
 * render its lines as separate blocks the browser may skip laying out while they are off screen.
 */
export function segmentLines<R extends LabeledRange>(segments: readonly Segment<R>[]): Segment<R>[][] {
  const lines: Segment<R>[][] = [[]];
  for (const seg of segments) {
    let start = seg.start;
    const parts = seg.text.split('\n');
    parts.forEach((part, i) => {
      const piece = i < parts.length - 1 ? `${part}\n` : part;
      if (piece !== '') lines[lines.length - 1]!.push({ ...seg, text: piece, start });
      start += Array.from(piece).length;
      if (i < parts.length - 1) lines.push([]);
    });
  }
  return lines.filter((l) => l.length > 0);
}

/** A stable colour per label, so the same label reads the same everywhere. */
export function labelHue(label: string): number {
  let h = 0;
  for (const c of label) h = (h * 31 + c.codePointAt(0)!) % 360;
  return h;
}

import type { LocatedExtraction } from '../../src/index.ts';
import { mentionsOf, type ItemList } from '../../src/format/itemSchema.ts';
import type { ColourKey } from './spans/palette.ts';

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
  // Without surrogate pairs a code point is a UTF-16 unit, and the text need not be cut into characters.
  const chars = /[\uD800-\uDFFF]/.test(text) ? Array.from(text) : null;
  const length = chars === null ? text.length : chars.length;
  const piece = chars === null ? (a: number, b: number) => text.slice(a, b) : (a: number, b: number) => chars.slice(a, b).join('');
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= length && r.start < r.end);
  // Indices into `valid`, so the ranges over a piece come out in input order by a numeric sort.
  const byStart = valid.map((_, i) => i).sort((a, b) => valid[a]!.start - valid[b]!.start);
  const byEnd = valid.map((_, i) => i).sort((a, b) => valid[a]!.end - valid[b]!.end);
  const edges = new Float64Array(valid.length * 2 + 2);
  edges[0] = 0;
  edges[1] = length;
  valid.forEach((r, i) => {
    edges[2 + 2 * i] = r.start;
    edges[3 + 2 * i] = r.end;
  });
  edges.sort();
  const active = new Set<number>();
  const out: Segment<R>[] = [];
  let si = 0;
  let ei = 0;
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = edges[k]!;
    const b = edges[k + 1]!;
    if (a === b) continue;
    while (ei < byEnd.length && valid[byEnd[ei]!]!.end <= a) active.delete(byEnd[ei++]!);
    while (si < byStart.length && valid[byStart[si]!]!.start <= a) {
      const i = byStart[si++]!;
      if (valid[i]!.end > a) active.add(i);
    }
    // Ranges come out in input order, so the first one (its colour) does not depend on the sweep.
    const covering = active.size === 0 ? [] : active.size === 1 ? [valid[active.values().next().value!]!] : [...active].sort((x, y) => x - y).map((i) => valid[i]!);
    out.push({ text: piece(a, b), start: a, ranges: covering });
  }
  return out;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '．']);

/** Where a block ends, after `c` with `size` characters in it: a line break, a sentence end once `min` long, or `2 × min`. */
const cutsAfter = (c: string, size: number, min: number) => c === '\n' || (size >= min && SENTENCE_END.has(c)) || size >= 2 * min;

/**
 * Groups segments into blocks: at line breaks, and within a long line after a sentence end once a block
 * holds `maxChars` (or anywhere at twice that), so the browser can skip laying out blocks off screen. A
 * segment crossing a cut is split there; offsets and ranges are kept. Short texts stay one block.
 */
export function segmentBlocks<R extends LabeledRange>(segments: readonly Segment<R>[], maxChars = 1000): Segment<R>[][] {
  const blocks: Segment<R>[][] = [[]];
  let size = 0;
  for (const seg of segments) {
    const t = seg.text;
    // Offsets in code points, cuts in UTF-16 units: a surrogate pair is one character of two units.
    let from = 0;
    let fromCp = seg.start;
    let cp = seg.start;
    for (let i = 0; i < t.length; ) {
      const code = t.charCodeAt(i);
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < t.length ? 2 : 1;
      i += width;
      cp++;
      size++;
      if (cutsAfter(width === 1 ? t[i - 1]! : t.slice(i - 2, i), size, maxChars)) {
        blocks[blocks.length - 1]!.push({ ...seg, text: t.slice(from, i), start: fromCp });
        from = i;
        fromCp = cp;
        blocks.push([]);
        size = 0;
      }
    }
    if (from < t.length) blocks[blocks.length - 1]!.push(from === 0 ? seg : { ...seg, text: t.slice(from), start: fromCp });
  }
  return blocks.filter((b) => b.length > 0);
}

export type ItemKind = ItemList;

/**
 * Every located piece of an extraction as ranges: entities under their label, tuple arguments under the
 * name of their role (`roleName('head')`…), in item order, so colours do not depend on how offsets were built.
 */
export function extractionRanges(x: LocatedExtraction, roleName: (role: string) => string): ExtractionRange[] {
  const out: ExtractionRange[] = [];
  for (const m of mentionsOf(x)) {
    const o = m.mention.offsets;
    if (!o) continue;
    const entity = m.list === 'entities';
    const suggested = (x[m.list][m.item] as { provenance?: { suggestion?: true } }).provenance?.suggestion === true;
    out.push({ start: o[0], end: o[1], label: entity ? m.label : roleName(m.field), item: m.item, kind: m.list, colour: entity ? { label: m.label } : { role: m.field }, ...(suggested ? { suggested } : {}) });
  }
  return out;
}

/** A located piece of an extraction: its shown label, its item, and what colours it (label or role, never a translation). */
export interface ExtractionRange extends LabeledRange {
  kind: ItemKind;
  colour: ColourKey;
  /** A model's suggestion nobody has decided on yet: drawn apart from decided items. */
  suggested?: boolean;
}

/** A stretch of the text (code point offsets) that renders on its own. */
export interface TextBlock {
  start: number;
  end: number;
  text: string;
}

/**
 * Cuts a text into blocks where `segmentBlocks` cuts a highlighted text (`cutsAfter`): after every line
 * break, and within a long line after a sentence end once a block holds `minChars` (or anywhere at twice
 * that). Each block is laid out on its own, so an editor re-renders and re-lays out only the block an edit
 * touches.
 */
export function textBlocks(text: string, minChars = 1000): TextBlock[] {
  const chars = Array.from(text);
  const out: TextBlock[] = [];
  let from = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (cutsAfter(c, i + 1 - from, minChars)) {
      out.push({ start: from, end: i + 1, text: chars.slice(from, i + 1).join('') });
      from = i + 1;
    }
  }
  if (from < chars.length || out.length === 0) out.push({ start: from, end: chars.length, text: chars.slice(from).join('') });
  return out;
}

/**
 * The ranges of each block, cut to it and made local to it (a range across a cut is in both). Blocks are
 * found by binary search: linear in the ranges, whatever the length of the text.
 */
export function rangesByBlock<R extends { start: number; end: number }>(blocks: readonly TextBlock[], ranges: readonly R[]): R[][] {
  const out: R[][] = blocks.map(() => []);
  const blockAt = (pos: number) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const r of ranges) {
    if (r.start >= r.end) continue;
    for (let b = blockAt(r.start); b < blocks.length && blocks[b]!.start < r.end; b++) {
      const block = blocks[b]!;
      out[b]!.push({ ...r, start: Math.max(r.start, block.start) - block.start, end: Math.min(r.end, block.end) - block.start });
    }
  }
  return out;
}

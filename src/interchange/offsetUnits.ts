import { TextIndex } from '../text/textIndex.ts';

/**
 * What a tool counts its offsets in. The project counts code points (as Python does); JavaScript tools
 * that slice `string`s count UTF-16 code units, so 𠮷 or an emoji is 2 there and 1 here.
 */
export type OffsetUnit = 'code-point' | 'utf-16';

/** A code-point offset in the tool's unit. */
export function toUnit(idx: TextIndex, cp: number, unit: OffsetUnit): number {
  return unit === 'utf-16' ? idx.unitOf(cp) : cp;
}

/** A tool's offset as a code point, or null when it is outside the text or falls inside a character. */
export function fromUnit(idx: TextIndex, n: unknown, unit: OffsetUnit): number | null {
  if (!Number.isInteger(n) || (n as number) < 0) return null;
  const v = n as number;
  if (unit === 'code-point') return v <= idx.length ? v : null;
  if (v > idx.text.length) return null;
  const c = idx.text.charCodeAt(v);
  // The low half of a surrogate pair: the offset splits one character in two.
  if (v > 0 && c >= 0xdc00 && c <= 0xdfff && (idx.text.charCodeAt(v - 1) & 0xfc00) === 0xd800) return null;
  return idx.cp(v);
}

/** A `[start, end)` pair in the tool's unit read as code points, or null when it is not a span of the text. */
export function spanFromUnits(idx: TextIndex, start: unknown, end: unknown, unit: OffsetUnit): [number, number] | null {
  const s = fromUnit(idx, start, unit);
  const e = fromUnit(idx, end, unit);
  return s === null || e === null || s >= e ? null : [s, e];
}

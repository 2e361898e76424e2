import { nfkc } from './nfkc.ts';

/**
 * Finds strings in one source text and reports `[start, end)` in Unicode code points, the unit Python and
 * the stockmark data count in. Exact matches use indexOf on the raw text; only when that misses is an
 * NFKC view built (once per text), so the common case costs no normalization.
 */

// Marks that NFKC composes with the preceding character (combining marks and half-width kana voicing).
const JOINS_PREVIOUS = /^[\p{M}\uFF9E\uFF9F]$/u;

interface NormView {
  text: string;
  /** For each UTF-16 index of `text`, the code-point start/end of the source unit it came from. */
  start: Uint32Array;
  end: Uint32Array;
}

export type Range = readonly [number, number];

/**
 * A caller's memory for repeated `find`s of one needle whose `accept` only ever turns from yes to no (a
 * position once taken stays taken): how far the occurrences from the start are known to be refused, in
 * the raw text and in the NFKC view. It keeps many placements of one string linear instead of quadratic.
 */
export interface Skip {
  exact: number;
  norm: number;
}

export class TextIndex {
  private readonly cpOfUnit: Uint32Array | null;
  private view: NormView | undefined;
  // Each distinct needle costs at most one scan of the text from its start, however often it is asked for:
  // a crafted output naming thousands of spans then stays linear in the text per distinct string.
  // Made when first needed, and only for texts past SHORT_TEXT: in a sentence a scan costs less than the
  // lookups, and most alignments are of one sentence (three collections a sentence were a tenth of the
  // core bench's alignment time).
  private first: Map<string, number> | undefined;
  /** Per needle, a UTF-16 offset from which it is known not to occur (exactly). */
  private noneFrom: Map<string, number> | undefined;
  private absent: Set<string> | undefined;

  /**
   * The first exact occurrence at or after `fromUnit`. Spans come in text order, so the next one is usually
   * just after the cursor: scanning from there, not from the text's start per distinct needle, took a
   * 5,000-span article's alignment from 47–54 to 39–43 ms (Node). What each scan learns is kept, so asking
   * again costs nothing.
   */
  private nextExact(needle: string, fromUnit: number): number {
    if (this.text.length < SHORT_TEXT) return this.text.indexOf(needle, fromUnit);
    const first = (this.first ??= new Map()).get(needle);
    if (first !== undefined && (first < 0 || fromUnit <= first)) return first;
    const none = (this.noneFrom ??= new Map()).get(needle);
    if (none !== undefined && fromUnit >= none) return -1;
    const at = this.indexOf(needle, fromUnit);
    if (fromUnit === 0) this.first.set(needle, at);
    else if (at < 0) this.noneFrom.set(needle, none === undefined ? fromUnit : Math.min(none, fromUnit));
    return at;
  }

  constructor(readonly text: string) {
    this.cpOfUnit = /[\uD800-\uDFFF]/.test(text) ? prefixCodePoints(text) : null;
  }

  /** For a long text, where each pair of UTF-16 units occurs (ascending), made when first needed. */
  private pairs: Map<number, number[]> | undefined;

  /**
   * `text.indexOf(needle, from)`. In a long text (a whole article pasted at once) a span the output names
   * out of text order made indexOf scan to the end for each: 5,000 spans over 500 sentences took 32 ms to
   * align, nearly all of it in such scans (Node). There the occurrences of the needle's first two units are
   * looked up instead, and only they are compared.
   */
  private indexOf(needle: string, from: number): number {
    const { text } = this;
    if (text.length < LONG_TEXT || needle.length < 2) return text.indexOf(needle, from);
    const at = (this.pairs ??= pairPositions(text)).get(needle.charCodeAt(0) * 0x10000 + needle.charCodeAt(1));
    if (at === undefined) return -1;
    const k0 = lowerBound(at, from);
    // A pair that occurs nearly everywhere (a crafted text of one repeated character) would have every
    // position compared in turn, far slower than indexOf's own search: past a few candidates, it takes over.
    for (let k = k0; k < at.length; k++) {
      if (k - k0 === MAX_CANDIDATES) return text.indexOf(needle, at[k]!);
      if (text.startsWith(needle, at[k]!)) return at[k]!;
    }
    return -1;
  }

  /** Code-point length of the text. */
  get length(): number {
    return this.cpOfUnit === null ? this.text.length : this.cpOfUnit[this.text.length]!;
  }

  /** Code-point offset of a UTF-16 offset (JavaScript and Label Studio count UTF-16 units). */
  cp(unit: number): number {
    return this.cpOfUnit === null ? unit : this.cpOfUnit[unit]!;
  }

  /**
   * The first occurrence at or after code point `from` that `accept` takes: exact matches when the text has
   * any, else width/NFKC-insensitive ones. Stops at the first accepted one, so it costs little on long texts.
   */
  find(needle: string, from: number, accept: (r: Range) => boolean, skip?: Skip): Range | null {
    if (needle === '' || this.absent?.has(needle)) return null;
    const fromUnit = this.unitOf(from);
    const first = this.nextExact(needle, fromUnit);
    if (first >= 0 || this.nextExact(needle, 0) >= 0) {
      // Occurrences before `skip.exact` were all refused by this (monotone) `accept` before: start after them.
      const contiguous = skip !== undefined && fromUnit <= skip.exact;
      const start = contiguous ? this.indexOf(needle, skip.exact) : first;
      for (let i = start; i >= 0; i = this.indexOf(needle, i + 1)) {
        if (this.splitsPair(i) || this.splitsPair(i + needle.length)) continue;
        const r: Range = [this.cp(i), this.cp(i + needle.length)];
        if (accept(r)) return r;
        if (contiguous) skip.exact = i + 1;
      }
      if (contiguous) skip.exact = this.text.length;
      return null;
    }
    const norm = nfkc(needle);
    const view = this.normView();
    if (norm === '' || view.text.indexOf(norm) < 0) {
      (this.absent ??= new Set()).add(needle);
      return null;
    }
    const fromView = lowerBound(view.start, from);
    const contiguous = skip !== undefined && fromView <= skip.norm;
    let last = -1;
    for (let i = view.text.indexOf(norm, contiguous ? skip.norm : fromView); i >= 0; i = view.text.indexOf(norm, i + 1)) {
      const start = view.start[i]!;
      if (start === last) continue;
      last = start;
      const r: Range = [start, view.end[i + norm.length - 1]!];
      if (accept(r)) return r;
      if (contiguous) skip.norm = i + 1;
    }
    if (contiguous) skip.norm = view.text.length;
    return null;
  }

  /** Whether a UTF-16 offset falls between the two halves of a surrogate pair (a lone half never matches there). */
  private splitsPair(unit: number): boolean {
    return this.cpOfUnit !== null && unit > 0 && unit < this.text.length && isPairAt(this.text, unit - 1);
  }

  /** UTF-16 offset of a code-point offset. */
  unitOf(cp: number): number {
    return this.cpOfUnit === null ? cp : lowerBound(this.cpOfUnit, cp);
  }

  /** The source text between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.unitOf(start), this.unitOf(end));
  }

  private normView(): NormView {
    if (this.view) return this.view;
    const chars = Array.from(this.text);
    const parts: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < chars.length; ) {
      let j = i + 1;
      while (j < chars.length && JOINS_PREVIOUS.test(chars[j]!)) j++;
      const unit = chars.slice(i, j).join('').normalize('NFKC');
      parts.push(unit);
      for (let k = 0; k < unit.length; k++) {
        starts.push(i);
        ends.push(j);
      }
      i = j;
    }
    this.view = { text: parts.join(''), start: Uint32Array.from(starts), end: Uint32Array.from(ends) };
    return this.view;
  }
}

/** Texts at least this long (UTF-16 units) get the pair index: below it, a scan costs less than the index. */
export const LONG_TEXT = 4096;
/** Texts shorter than this (UTF-16 units) are scanned afresh for each needle: no memory of earlier scans. */
const SHORT_TEXT = 512;
/** Candidates compared one by one before indexOf searches the rest (see indexOf). */
const MAX_CANDIDATES = 16;

function pairPositions(text: string): Map<number, number[]> {
  const pairs = new Map<number, number[]>();
  for (let i = 0; i + 1 < text.length; i++) {
    const key = text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
    const list = pairs.get(key);
    if (list === undefined) pairs.set(key, [i]);
    else list.push(i);
  }
  return pairs;
}

function prefixCodePoints(text: string): Uint32Array {
  const out = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    out[i] = cp;
    // The low half of a surrogate pair belongs to the same code point as its high half.
    if (isPairAt(text, i)) out[++i] = cp;
  }
  out[text.length] = cp;
  return out;
}

const isPairAt = (s: string, i: number) => {
  const hi = s.charCodeAt(i);
  const lo = s.charCodeAt(i + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
};

/** Code-point length of a string. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) if (isPairAt(s, i)) i++;
  return n;
}

/** The first index whose value is >= x, in a non-decreasing array. */
function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

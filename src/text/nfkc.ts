// String#normalize costs an ICU call per string even when nothing changes. Most Japanese news text is made
// only of characters NFKC leaves alone (printable ASCII, 、。「」『』, hiragana, katakana without the
// half-width forms or the spacing voicing marks, unified kanji, 々〇〜・☆★, and the scorer's key separator
// U+241F): skip those; remember the rest, since entity names and labels repeat across a data set.
const STABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0x2605, 0x2606],
  [0x241f, 0x241f],
  [0x3001, 0x3002],
  [0x3005, 0x3005],
  [0x3007, 0x3007],
  [0x300c, 0x300f],
  [0x301c, 0x301c],
  [0x3041, 0x3096],
  [0x30a1, 0x30fc],
  [0x4e00, 0x9fff],
];
// A table, not a regex: most strings compared are a few characters long, where a regex's fixed cost per
// call is most of the time (the scorer normalises every field of every item).
const STABLE = new Uint8Array(0x10000);
for (const [from, to] of STABLE_RANGES) STABLE.fill(1, from, to + 1);

/** Whether NFKC leaves every unit of `s` as it is (by the table above; a surrogate never counts as stable). */
export function nfkcStable(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (STABLE[s.charCodeAt(i)] === 0) return false;
  return true;
}

const MAX_ENTRIES = 50_000;
const cache = new Map<string, string>();

/** NFKC normalisation with a bounded cache. */
export function nfkc(s: string): string {
  if (nfkcStable(s)) return s;
  let v = cache.get(s);
  if (v === undefined) {
    v = s.normalize('NFKC');
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(s, v);
  }
  return v;
}

const HAS_UPPER = /[A-Z]/;

/**
 * A string as search compares it: NFKC, then lower case. Long document texts are not cached (nfkc's cache
 * is for names), but the common all-stable text skips ICU, and the lower-casing skips strings with no A–Z.
 */
export function searchFold(s: string): string {
  if (nfkcStable(s)) return HAS_UPPER.test(s) ? s.toLowerCase() : s;
  return s.normalize('NFKC').toLowerCase();
}

/** `nfkc(s.trim())`, without either call where `s` is stable and has no space at either end (the usual field). */
export function nfkcTrimmed(s: string): string {
  const last = s.length - 1;
  if (last >= 0 && s.charCodeAt(0) !== 0x20 && s.charCodeAt(last) !== 0x20 && nfkcStable(s)) return s;
  return nfkc(s.trim());
}

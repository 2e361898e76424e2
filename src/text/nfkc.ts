// String#normalize costs an ICU call per string even when nothing changes. Most Japanese news text is made
// only of characters NFKC leaves alone (printable ASCII, 、。「」『』, hiragana, katakana without the
// half-width forms or the spacing voicing marks, unified kanji, 々〇〜・☆★, and the scorer's key separator
// U+241F): skip those; remember the rest, since entity
// names and labels repeat across a data set.
const NFKC_STABLE = /^[\x20-\x7e\u2605\u2606\u241f\u3001\u3002\u3005\u3007\u300c-\u300f\u301c\u3041-\u3096\u30a1-\u30fc\u4e00-\u9fff]*$/;
const MAX_ENTRIES = 50_000;
const cache = new Map<string, string>();

/** NFKC normalisation with a bounded cache. */
export function nfkc(s: string): string {
  if (NFKC_STABLE.test(s)) return s;
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
  if (NFKC_STABLE.test(s)) return HAS_UPPER.test(s) ? s.toLowerCase() : s;
  return s.normalize('NFKC').toLowerCase();
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LONG_TEXT, TextIndex, type Range } from './textIndex.ts';

/** The first occurrence at or after code point `from` that `accept` takes, found by comparing at every code point. */
function bruteForce(text: string, needle: string, from: number, accept: (r: Range) => boolean): Range | null {
  const cps = Array.from(text);
  const n = Array.from(needle);
  for (let s = Math.max(0, from); s + n.length <= cps.length; s++) {
    let same = true;
    for (let k = 0; k < n.length && same; k++) same = cps[s + k] === n[k];
    if (same && accept([s, s + n.length])) return [s, s + n.length];
  }
  return null;
}

describe('TextIndex.find in a long text (the pair index)', () => {
  it('finds exactly what comparing at every position finds, from any point, with refusals, surrogate pairs included', () => {
    // A small alphabet, so every needle occurs many times; 𠮷 is a surrogate pair.
    const unit = fc.constantFrom('あ', 'い', 'う', '東', '京', '𠮷', 'A', '。');
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: LONG_TEXT, maxLength: LONG_TEXT + 200 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 }), fc.nat(), fc.boolean(), fc.array(unit, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 20 }),
        (chars, queries) => {
          const text = chars.join('');
          const index = new TextIndex(text);
          for (const [at, len, from, ownNeedle, other] of queries) {
            // A piece of the text itself, or a string that may occur nowhere.
            const start = at % chars.length;
            const needle = ownNeedle ? chars.slice(start, start + len).join('') : other.join('');
            const fromCp = from % (chars.length + 2);
            // Refusing ranges that start at a multiple of 3 makes find step past occurrences.
            const accept = (r: Range) => r[0] % 3 !== 0;
            expect(index.find(needle, fromCp, accept)).toEqual(bruteForce(text, needle, fromCp, accept));
            expect(index.find(needle, fromCp, () => true)).toEqual(bruteForce(text, needle, fromCp, () => true));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

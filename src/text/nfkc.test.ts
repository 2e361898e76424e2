import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nfkc, nfkcStable, nfkcTrimmed, searchFold } from './nfkc.ts';

describe('nfkc', () => {
  it('equals String#normalize("NFKC") on any text, including the fast-path ranges and their edges', () => {
    const edges = '\u2605\u241f\u3005\u3007\u301c\u30fb\u3000\u3001\u3002\u300b\u300c\u300f\u3010\u3040\u3041\u3096\u3099\u309b\u309c\u30a0\u30a1\u30fa\u30fb\u30fc\u30ff\u4e00\u9fff\uf900\uff10\uff21\uff76\uff9e\u2460\u3300aＡｱ';
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...edges.split('')) }), fc.string({ unit: 'grapheme' })), (s) => {
        expect(nfkc(s)).toBe(s.normalize('NFKC'));
        expect(nfkc(s)).toBe(s.normalize('NFKC')); // and again, from the cache
      }),
      { numRuns: 2000 },
    );
  });

  it('folds for search exactly as NFKC then lower case, on the fast path and off it', () => {
    const edges = 'ABCxyz\u3041\u30a1\u4e00\uff21\uff41\uff76\u00c0\u0130\u2160\u3300 ';
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...edges.split('')) }), fc.string({ unit: 'grapheme' })), (s) => {
        expect(searchFold(s)).toBe(s.normalize('NFKC').toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  it('counts as stable only code units NFKC leaves alone, every one of the 65,536 checked', () => {
    let stable = 0;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (!nfkcStable(ch)) continue;
      stable++;
      expect(ch.normalize('NFKC'), c.toString(16)).toBe(ch);
    }
    // ASCII, kana and the unified kanji at least: the table is not empty by mistake.
    expect(stable).toBeGreaterThan(21_000);
  });

  it('trims and normalises like s.trim().normalize("NFKC"), spaces and other white space at the ends included', () => {
    const edges = ' \t\n\u3000\u00a0aＡ\u3041\u4e00\uff76\uff9e';
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...edges.split('')) }), fc.string({ unit: 'grapheme' })), (s) => {
        expect(nfkcTrimmed(s)).toBe(s.trim().normalize('NFKC'));
      }),
      { numRuns: 2000 },
    );
  });
});

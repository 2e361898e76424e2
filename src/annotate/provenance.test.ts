import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { addSpan, setSpanLabel } from './edits.ts';
import { acceptSuggestions, addSuggestions, asSuggestions, parseProvenanceNote, provenanceNote, rejectSuggestions, stampEdits, suggestionsOf, withoutSuggestions } from './provenance.ts';

const text = 'NTTドコモは東京と名古屋で発表した。';
const predicted = () => asSuggestions(extract('<技術>固有表現抽出:法人名;NTTドコモ:地名;東京:地名;名古屋', 'ner', P, text), 'giellm-7b', 1000);

describe('provenance', () => {
  it('marks a model’s items as its suggestions, leaving items that say who made them', () => {
    const x = predicted();
    expect(x.entities.map((e) => e.provenance)).toEqual(Array(3).fill({ by: 'model', name: 'giellm-7b', at: 1000, suggestion: true }));
    expect(suggestionsOf(x)).toEqual([0, 1, 2].map((index) => ({ list: 'entities', index })));
    expect(asSuggestions(x, 'other')).toBe(x);
    expect(withoutSuggestions(x).entities).toEqual([]);
  });

  it('accepts one suggestion, keeping the model and adding who accepted it; rejects another; all at once too', () => {
    const x = acceptSuggestions(predicted(), [{ list: 'entities', index: 1 }], '山田', 2000);
    expect(x.entities[1]!.provenance).toEqual({ by: 'model', name: 'giellm-7b', at: 1000, accepted: { name: '山田', at: 2000 } });
    expect(suggestionsOf(x).map((r) => r.index)).toEqual([0, 2]);
    expect(withoutSuggestions(x).entities.map((e) => e.text)).toEqual(['東京']);
    const y = rejectSuggestions(x, [{ list: 'entities', index: 0 }]);
    expect(y.entities.map((e) => e.text)).toEqual(['東京', '名古屋']);
    expect(suggestionsOf(acceptSuggestions(y, 'all', '山田', 3000))).toEqual([]);
    expect(rejectSuggestions(y, 'all').entities.map((e) => e.text)).toEqual(['東京']);
    // An accepted item is not a suggestion any more: rejecting it does nothing.
    expect(rejectSuggestions(x, [{ list: 'entities', index: 1 }])).toBe(x);
  });

  it('stamps what an edit made with the person and the time; a suggestion they changed remembers the model', () => {
    const x = predicted();
    const relabelled = stampEdits(x, setSpanLabel(x, 2, '施設名'), '山田', 5000);
    expect(relabelled.entities[2]!.provenance).toEqual({ by: 'person', name: '山田', at: 5000, from: 'giellm-7b' });
    // Items the edit did not touch keep theirs.
    expect(relabelled.entities[0]).toBe(x.entities[0]);
    const added = stampEdits(x, addSpan(x, text, 14, 16, 'その他'), '', 6000);
    expect(added.entities.find((e) => e.text === '発表')!.provenance).toEqual({ by: 'person', name: '', at: 6000 });
    // An accept made by this same edit keeps who made the item.
    const accepted = acceptSuggestions(x, 'all', '山田', 7000);
    expect(stampEdits(x, accepted, '山田', 7000)).toEqual(accepted);
    // A model's suggestions this edit handed in stay the model's.
    const handed = addSuggestions(x, asSuggestions(extract('<技術>固有表現抽出:その他;発表', 'ner', P, text), 'giellm-13b', 8000));
    expect(stampEdits(x, handed, '山田', 8000).entities.at(-1)!.provenance).toEqual({ by: 'model', name: 'giellm-13b', at: 8000, suggestion: true });
    expect(addSuggestions(handed, handed)).toBe(handed);
  });

  it('writes provenance as a one-line note (brat has no field for it) and reads it back', () => {
    for (const p of [
      { by: 'model' as const, name: 'giellm-7b', at: 1000, suggestion: true as const },
      { by: 'model' as const, name: 'a "quoted"; model', at: 1000, accepted: { name: '山田', at: 2000 } },
      { by: 'person' as const, name: '', at: 5000, from: 'giellm-7b' },
      { by: 'person' as const, name: '佐藤' },
    ])
      expect(parseProvenanceNote(provenanceNote(p))).toEqual(p);
    expect(provenanceNote({ by: 'model', name: 'm', at: 0, suggestion: true })).toBe('giellm: suggestion; name="m" at=1970-01-01T00:00:00.000Z');
    expect(parseProvenanceNote('this annotation is suspect')).toBeNull();
  });
});

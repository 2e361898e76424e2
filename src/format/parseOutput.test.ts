import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseOutput } from './parseOutput.ts';
import { serializeOutput } from './serializeOutput.ts';
import { buildInput } from './buildInput.ts';
import { CSV_PROFILE, DEFAULT_PROFILE as P } from './profile.ts';
import { TASKS, TASK_IDS } from './taskCatalog.ts';
import { loadTcree } from '../testing/sharedData.ts';
import type { Extraction, TaskId } from '../domain/types.ts';

const taskOfIw = (iw: string): TaskId => (iw === '関係抽出' ? 're' : 'ee');

describe('parseOutput on real gold strings', () => {
  it('reads every TCREE sample row into its category and tuple', () => {
    const rows = loadTcree();
    expect(rows.length).toBe(6);
    for (const row of rows) {
      const x = parseOutput(row.output, taskOfIw(row.iw), P, { text: row.text });
      expect(x.warnings).toEqual([]);
      expect(x.category).toBe(row.category);
      expect(x.relations.length + x.events.length).toBe(1);
      // And the gold string is exactly what serialization gives back.
      expect(serializeOutput(x, x.task, P)).toBe(row.output);
    }
  });

  it('reads the model card NER example', () => {
    const x = parseOutput('<社会>固有表現抽出:その他の組織名;SPRiNGS', 'ner', P);
    expect(x).toEqual({
      task: 'ner',
      category: '社会',
      entities: [{ label: 'その他の組織名', text: 'SPRiNGS' }],
      relations: [],
      events: [],
      warnings: [],
    });
  });

  it('reads 4-slot and 3-slot events', () => {
    expect(parseOutput('<スポーツ>イベント抽出:浅田真央;出演;日本テレビ;27日:', 'ee', P).events).toEqual([
      { subject: '浅田真央', trigger: '出演', object: '日本テレビ', time: '27日' },
    ]);
    expect(parseOutput('<スポーツ>イベント抽出:吉田秀彦;引退;今月8日:', 'ee', P).events).toEqual([
      { subject: '吉田秀彦', trigger: '引退', object: null, time: '今月8日' },
    ]);
  });
});

describe('parseOutput hazards', () => {
  const ner = (out: string, opts = {}) => parseOutput(out, 'ner', P, opts);

  it('reads full-width structure and keeps full-width characters inside names', () => {
    const x = ner('＜社会＞固有表現抽出：人名；松友美佐紀：地名；日本');
    expect(x.category).toBe('社会');
    expect(x.entities).toEqual([
      { label: '人名', text: '松友美佐紀' },
      { label: '地名', text: '日本' },
    ]);
    expect(x.warnings).toEqual([]);
  });

  it('treats full-width as text when the profile says ASCII only', () => {
    const x = parseOutput('<社会>固有表現抽出:製品名;Ｃ：Ｄ', 'ner', { ...P, punctuation: 'ascii' });
    expect(x.entities).toEqual([{ label: '製品名', text: 'Ｃ：Ｄ' }]);
  });

  it('accepts a missing or an extra trailing colon', () => {
    expect(parseOutput('<スポーツ>関係抽出:国母和宏;所属;東海大', 're', P).relations).toHaveLength(1);
    expect(ner('<社会>固有表現抽出:人名;松友美佐紀:').entities).toEqual([{ label: '人名', text: '松友美佐紀' }]);
  });

  it('accepts an output whose IW is not echoed', () => {
    const x = ner('<社会>:人名;松友美佐紀');
    expect(x.entities).toHaveLength(1);
    expect(x.warnings).toEqual([]);
  });

  it('drops an echoed prompt, with either separator', () => {
    const text = 'SPRiNGSと最も仲の良いライバルグループ。';
    for (const profile of [P, CSV_PROFILE]) {
      const out = `${buildInput(text, 'ner', profile)}\n<社会>固有表現抽出:その他の組織名;SPRiNGS`;
      const x = parseOutput(out, 'ner', P, { text });
      expect(x.category).toBe('社会');
      expect(x.entities).toEqual([{ label: 'その他の組織名', text: 'SPRiNGS' }]);
      expect(x.warnings).toEqual([]);
    }
    // Without the text, the label set + IW still gives the echo away.
    const x = ner('<社会><文芸><学問><技術><自然>\n固有表現抽出\n<技術>固有表現抽出:製品名;iPhone');
    expect(x.category).toBe('技術');
    expect(x.entities).toEqual([{ label: '製品名', text: 'iPhone' }]);
  });

  it('strips </s>, newline and literal \\/n tails', () => {
    for (const tail of ['</s>', '\n', '\\/n', '\\n', '</s>\n<社会>固有表現抽出:人名;余計']) {
      const x = ner(`<社会>固有表現抽出:人名;松友美佐紀${tail}`);
      expect(x.entities).toEqual([{ label: '人名', text: '松友美佐紀' }]);
      expect(x.warnings).toEqual([]);
    }
  });

  it('warns about text after the first line instead of reading it', () => {
    const x = ner('<社会>固有表現抽出:人名;松友美佐紀\n次の入力文');
    expect(x.entities).toHaveLength(1);
    expect(x.warnings).toEqual(['ignored text after the first line: "次の入力文"']);
  });

  it('reads an empty result without warnings', () => {
    const x = ner('<社会>固有表現抽出');
    expect(x.category).toBe('社会');
    expect(x.entities).toEqual([]);
    expect(x.warnings).toEqual([]);
  });

  it('keeps a colon inside a name when the text shows it', () => {
    const text = '『マイブリッジの糸』(11) 監督:山村浩二';
    const pairs = ner('<文芸>固有表現抽出:人名;監督:山村浩二:製品名;マイブリッジの糸', { text });
    expect(pairs.entities).toEqual([
      { label: '人名', text: '監督:山村浩二' },
      { label: '製品名', text: 'マイブリッジの糸' },
    ]);
    expect(pairs.warnings).toEqual([]);
    const rel = parseOutput('<映画>関係抽出:監督:山村浩二;監督;マイブリッジの糸:', 're', P, { text });
    expect(rel.relations).toEqual([{ head: '監督:山村浩二', relation: '監督', tail: 'マイブリッジの糸' }]);
    expect(rel.warnings).toEqual([]);
    // Without the text as evidence, the stray piece is reported, not guessed.
    const blind = ner('<文芸>固有表現抽出:人名;監督:山村浩二');
    expect(blind.entities).toEqual([{ label: '人名', text: '監督' }]);
    expect(blind.warnings).toEqual(['could not read "山村浩二" as Label;Span']);
  });

  it('keeps repeated identical pairs', () => {
    expect(ner('<社会>固有表現抽出:地名;日本:地名;日本').entities).toHaveLength(2);
  });

  it('gives one warning per unreadable piece and keeps the rest', () => {
    const x = ner('<社会>固有表現抽出:人名;A:壊れた:地名;B:;C:不明;D');
    expect(x.entities.map((e) => e.text)).toEqual(['A', 'B', 'D']);
    expect(x.warnings).toEqual([
      'could not read "壊れた" as Label;Span',
      'the pair ";C" has an empty label',
      'label "不明" is not one of 人名 法人名 政治的組織名 その他の組織名 地名 施設名 製品名 イベント名',
    ]);
  });

  it('reports header problems', () => {
    expect(ner('固有表現抽出:人名;A').warnings).toEqual(['the output has no <category> label']);
    expect(ner('<経済>固有表現抽出:人名;A').warnings[0]).toMatch(/category "経済" is not in the label set/);
    expect(ner('社会>固有表現抽出:人名;A')).toMatchObject({ category: '社会', warnings: ['the category "社会" has no opening <'] });
    expect(ner('<社会固有表現抽出').warnings).toEqual(['category tag "<社会固有表現抽出" is not closed with >']);
    expect(ner('').warnings).toEqual(['the output is empty']);
    expect(ner('<社会>関係抽出:人名;A').warnings).toEqual(['the output names the IW "関係抽出" (task re), not "固有表現抽出"']);
  });

  it('reports tuples of the wrong size', () => {
    const x = parseOutput('<スポーツ>関係抽出:国母和宏;所属:A;B;C;D:', 're', P);
    expect(x.relations).toEqual([]);
    expect(x.warnings).toEqual([
      'could not read "国母和宏;所属" as Head;Relation;Tail (2 parts)',
      'could not read "A;B;C;D" as Head;Relation;Tail (4 parts)',
    ]);
  });

  it('reads several tuples, shared or doubled colons', () => {
    for (const out of ['<スポーツ>関係抽出:a;所属;b:c;職業;d:', '<スポーツ>関係抽出:a;所属;b::c;職業;d:']) {
      expect(parseOutput(out, 're', P).relations.map((r) => r.head)).toEqual(['a', 'c']);
    }
  });
});

describe('parseOutput: structure decided per position', () => {
  const ner = (out: string, opts = {}) => parseOutput(out, 'ner', P, opts);
  const title = 'ファイナルファンタジーXIV：新生エオルゼア';
  const text = `${title}は、スクウェア・エニックスが発売したゲーム。`;

  it('keeps a full-width colon inside a name in an ASCII-structured output, with or without the text', () => {
    for (const opts of [{}, { text }]) {
      const x = ner(`<技術>固有表現抽出:製品名;${title}:法人名;スクウェア・エニックス`, opts);
      expect(x.entities).toEqual([
        { label: '製品名', text: title },
        { label: '法人名', text: 'スクウェア・エニックス' },
      ]);
      expect(x.warnings).toEqual([]);
    }
    const rel = parseOutput(`<IT>関係抽出:${title};発売;スクウェア・エニックス:`, 're', P);
    expect(rel.relations).toEqual([{ head: title, relation: '発売', tail: 'スクウェア・エニックス' }]);
    // And an ASCII colon inside a name of a full-width-structured output stays ASCII.
    expect(ner('＜社会＞固有表現抽出：法人名；J:COM春日部').entities).toEqual([{ label: '法人名', text: 'J:COM春日部' }]);
  });

  it('still splits where the other width starts a readable item (a model that switched widths mid-output)', () => {
    expect(ner('<社会>固有表現抽出:人名；松友美佐紀：地名；日本').entities).toEqual([
      { label: '人名', text: '松友美佐紀' },
      { label: '地名', text: '日本' },
    ]);
    expect(parseOutput('<スポーツ>関係抽出:国母和宏；所属；東海大:', 're', P).relations).toEqual([{ head: '国母和宏', relation: '所属', tail: '東海大' }]);
  });

  it('keeps an ASCII colon the text shows as it is written, never rewritten', () => {
    const t = 'J：COM春日部とは、ケーブルテレビ局。';
    expect(ner('<社会>固有表現抽出:法人名;J：COM春日部', { text: t }).entities).toEqual([{ label: '法人名', text: 'J：COM春日部' }]);
  });

  it('reads items after a line break that follows the header or comes between items', () => {
    expect(ner('<社会>固有表現抽出\n:人名;松友美佐紀').entities).toEqual([{ label: '人名', text: '松友美佐紀' }]);
    const x = ner('<社会>\n固有表現抽出:人名;松友美佐紀\n:地名;日本');
    expect(x.entities.map((e) => e.text)).toEqual(['松友美佐紀', '日本']);
    expect(x.warnings).toEqual([]);
  });

  it('matches the longest IW first', () => {
    const out = '<積極>感情抽出名詞形容詞:ポジティブ;良い';
    expect(parseOutput(out, 'se-nadj', P)).toMatchObject({ entities: [{ label: 'ポジティブ', text: '良い' }], warnings: [] });
    const x = parseOutput(out, 'se-n', P);
    expect(x.entities).toEqual([{ label: 'ポジティブ', text: '良い' }]);
    expect(x.warnings).toEqual(['the output names the IW "感情抽出名詞形容詞" (task se-nadj), not "感情抽出名詞"']);
    // Streaming: 感情抽出名詞 may still become 感情抽出名詞形容詞, so nothing is decided yet.
    expect(parseOutput('<積極>感情抽出名詞', 'se-nadj', P, { partial: true }).warnings).toEqual([]);
  });

  it('removes only a real echo: a text that merely starts like the output is not one', () => {
    const t = '<社会>固定電話の普及について。';
    const out = '<社会>固有表現抽出:製品名;固定電話';
    const x = ner(out, { text: t });
    expect(x).toMatchObject({ category: '社会', entities: [{ label: '製品名', text: '固定電話' }], warnings: [] });
    // And while it streams, nothing wrong is ever shown.
    for (let i = 0; i <= out.length; i++) {
      const y = ner(out.slice(0, i), { text: t, partial: true });
      expect(y.warnings).toEqual([]);
      expect([null, '社会']).toContain(y.category);
    }
  });

  it('counts the pieces it could not read', () => {
    expect(parseOutput('<スポーツ>関係抽出:国母和宏;所属:', 're', P).unreadable).toBe(1);
    expect(parseOutput('<スポーツ>関係抽出:国母和宏;所属;東海大:ゴミ;ゴミ:', 're', P)).toMatchObject({ relations: [{ head: '国母和宏' }], unreadable: 1 });
    expect(ner('<社会>固有表現抽出:人名;A:壊れた:;C').unreadable).toBe(2);
    expect(ner('<社会>固有表現抽出:人名;A')).not.toHaveProperty('unreadable');
  });

  it('drops the cut-off last item of an output truncated at the token limit, and says so', () => {
    const x = ner('<社会>固有表現抽出:人名;国母和宏:法人名;東海', { truncated: true });
    expect(x.entities).toEqual([{ label: '人名', text: '国母和宏' }]);
    expect(x).toMatchObject({ truncated: true, unreadable: 1 });
    expect(x.warnings).toEqual(['the output was cut at the token limit: the last item "法人名;東海" was dropped']);
    const re = parseOutput('<スポーツ>関係抽出:国母和宏;所属;東海', 're', P, { truncated: true });
    expect(re).toMatchObject({ relations: [], truncated: true, unreadable: 1 });
    // A tuple closed by its colon was complete when the limit hit.
    expect(parseOutput('<スポーツ>関係抽出:国母和宏;所属;東海大:', 're', P, { truncated: true })).toMatchObject({ relations: [{ tail: '東海大' }], truncated: true });
    expect(parseOutput('<スポーツ>関係抽出:国母和宏;所属;東海大:', 're', P, { truncated: true })).not.toHaveProperty('unreadable');
  });

  it('takes a non-string text as no text', () => {
    expect(ner('<社会>固有表現抽出:人名;A', { text: 5 as unknown as string }).entities).toHaveLength(1);
  });

  it('joins a name across at most 8 colons, so a degenerate output costs linear time', () => {
    const t = `${'監督:'.repeat(4000)}山村浩二`;
    const x = ner(`<文芸>固有表現抽出:人名;${'監督:'.repeat(8000)}`, { text: t });
    expect(x.entities[0]!.text).toBe(Array(9).fill('監督').join(':'));
    expect(x.entities).toHaveLength(1);
    expect(x.unreadable).toBe(8000 - 9);
  });
});

describe('parseOutput on a streaming output', () => {
  it('returns only what is complete at every prefix, without warnings', () => {
    const full = '<社会>固有表現抽出:人名;松友美佐紀:地名;日本';
    let seen = 0;
    for (let i = 0; i <= full.length; i++) {
      const x = parseOutput(full.slice(0, i), 'ner', P, { partial: true });
      expect(x.warnings).toEqual([]);
      expect(x.entities.length).toBeGreaterThanOrEqual(seen);
      seen = x.entities.length;
      for (const e of x.entities) expect(['松友美佐紀', '日本']).toContain(e.text);
    }
    expect(parseOutput(full, 'ner', P, { partial: true }).entities).toHaveLength(1);
    expect(parseOutput(full, 'ner', P).entities).toHaveLength(2);
    expect(parseOutput(`${full}</s>`, 'ner', P, { partial: true }).entities).toHaveLength(2);
  });

  it('shows the category as soon as its tag closes, and a tuple once its colon closes it', () => {
    expect(parseOutput('<スポー', 're', P, { partial: true }).category).toBeNull();
    expect(parseOutput('<スポーツ>関係', 're', P, { partial: true }).category).toBe('スポーツ');
    expect(parseOutput('<スポーツ>関係抽出:国母和宏;所属;東海', 're', P, { partial: true }).relations).toEqual([]);
    expect(parseOutput('<スポーツ>関係抽出:国母和宏;所属;東海大:', 're', P, { partial: true }).relations).toHaveLength(1);
  });

  it('never shows an item it will later replace: a name joined across a colon is held until it is whole', () => {
    const text = '『マイブリッジの糸』(11) 監督:山村浩二';
    for (const [task, out] of [
      ['ner', '<文芸>固有表現抽出:人名;監督:山村浩二:製品名;マイブリッジの糸'],
      ['re', '<映画>関係抽出:マイブリッジの糸;監督;監督:山村浩二:'],
      ['re', '<映画>関係抽出:監督:山村浩二;監督;マイブリッジの糸:'],
    ] as const) {
      const final = parseOutput(out, task, P, { text });
      expect(final.warnings).toEqual([]);
      const items = (x: Extraction) => [...x.entities, ...x.relations];
      for (let i = 0; i <= out.length; i++) {
        const x = parseOutput(out.slice(0, i), task, P, { text, partial: true });
        expect(items(x), out.slice(0, i)).toEqual(items(final).slice(0, items(x).length));
        expect(x.warnings).toEqual([]);
      }
    }
  });

  it('shows nothing while the model is still echoing the prompt', () => {
    const text = '松友美佐紀は、日本のバドミントン選手。';
    const input = buildInput(text, 'ner', P);
    for (let i = 0; i <= input.length; i++) {
      const x = parseOutput(input.slice(0, i), 'ner', P, { text, partial: true });
      expect(x).toMatchObject({ category: null, entities: [], warnings: [] });
    }
  });
});

// Strings the format can carry: no structure characters, no surrounding space, no stop strings.
// Full-width `：；＜＞` inside names too (Japanese titles carry them), at most one `；` a name: a tuple argument
// holding a `：` followed by two `；` reads as a tuple of its own, an ambiguity no reader can settle.
const field = fc
  .string({ unit: fc.constantFrom(...'松友美佐紀日本東京abcXYZ0123（）「」・ー－/<>：；＜＞'.split('')), minLength: 1, maxLength: 8 })
  .filter((s) => s.trim() === s && (s.match(/；/g)?.length ?? 0) <= 1);

const extractionFor = (task: TaskId): fc.Arbitrary<Extraction> => {
  const shape = TASKS[task].shape;
  const category = fc.constantFrom(...P.categories[task]);
  const base = { task, warnings: [] as string[] };
  if (shape === 'pairs') {
    const span = fc.record({ label: fc.constantFrom(...P.wordLabels[task]), text: field });
    return fc.record({ category, entities: fc.array(span, { maxLength: 5 }) }).map((r) => ({ ...base, ...r, relations: [], events: [] }));
  }
  if (shape === 'triple') {
    const triple = fc.record({ head: field, relation: field, tail: field });
    return fc.record({ category, relations: fc.array(triple, { maxLength: 4 }) }).map((r) => ({ ...base, ...r, entities: [], events: [] }));
  }
  const event = fc.record({ subject: field, trigger: field, object: fc.option(field, { nil: null }), time: field });
  return fc.record({ category, events: fc.array(event, { maxLength: 4 }) }).map((r) => ({ ...base, ...r, entities: [], relations: [] }));
};

describe('properties', () => {
  const profiles = fc.record({
    partSeparator: fc.constantFrom('newline' as const, 'none' as const),
    punctuation: fc.constantFrom('ascii' as const, 'ascii+fullwidth' as const),
    pairsTrailingColon: fc.boolean(),
    tupleJoin: fc.constantFrom('shared' as const, 'doubled' as const),
  }).map((o) => ({ ...P, ...o }));

  it('parseOutput(serializeOutput(x)) == x for every task and profile', () => {
    for (const task of TASK_IDS) {
      fc.assert(
        fc.property(extractionFor(task), profiles, (x, profile) => {
          expect(parseOutput(serializeOutput(x, task, profile), task, profile)).toEqual(x);
        }),
        { numRuns: 150 },
      );
    }
  });

  it('a null category round-trips its items, with a warning', () => {
    const x = parseOutput(serializeOutput({ ...parseOutput('<社会>固有表現抽出:人名;A', 'ner', P), category: null }, 'ner', P), 'ner', P);
    expect(x).toMatchObject({ category: null, entities: [{ label: '人名', text: 'A' }], warnings: ['the output has no <category> label'] });
  });

  it('streaming never shows an item the finished output replaces, names with colons the text shows included', () => {
    // Names drawn from a pool that holds colons of both widths; the text shows every name, as real text does.
    const name = fc.constantFrom('監督:山村浩二', '監督', '山村浩二', 'J:COM春日部', 'J', 'XIV：新生', '東京', 'Pi:Co');
    for (const task of ['ner', 're', 'ee'] as const) {
      fc.assert(
        fc.property(extractionFor(task), fc.array(name, { minLength: 1, maxLength: 4 }), (x0, names) => {
          const rename = (i: number) => names[i % names.length]!;
          const x = {
            ...x0,
            entities: x0.entities.map((e, i) => ({ ...e, text: rename(i) })),
            relations: x0.relations.map((r, i) => ({ ...r, head: rename(i), tail: rename(i + 1) })),
            events: x0.events.map((e, i) => ({ ...e, subject: rename(i) })),
          };
          const text = `『${names.join('』と『')}』の話。`;
          const out = serializeOutput(x, task, P);
          const items = (y: Extraction) => [...y.entities, ...y.relations, ...y.events];
          const final = items(parseOutput(out, task, P, { text }));
          for (let i = 0; i <= out.length; i++) {
            const shown = items(parseOutput(out.slice(0, i), task, P, { text, partial: true }));
            expect(shown).toEqual(final.slice(0, shown.length));
          }
        }),
        { numRuns: 100 },
      );
    }
  });

  it('never throws, on any string, task, profile, text and streaming state', () => {
    const structural = fc.string({ unit: fc.constantFrom(...'<>:;：；＜＞\n 社会人名固有表現抽出関係イベント</s>\\/n'.split('')), maxLength: 60 });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }), structural),
        fc.constantFrom(...TASK_IDS),
        profiles,
        fc.option(fc.oneof(fc.string({ maxLength: 30 }), structural), { nil: undefined }),
        fc.boolean(),
        (out, task, profile, text, partial) => {
          const x = parseOutput(out, task, profile, { text, partial });
          expect(Array.isArray(x.warnings)).toBe(true);
          expect(x.task).toBe(task);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

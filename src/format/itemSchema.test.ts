import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE as P } from './profile.ts';
import { extract } from '../extract.ts';
import { TASKS } from './taskCatalog.ts';
import { ITEM_SCHEMAS, mapTupleOffsets, mentionFields, mentionsOf, spanMention, TRIPLE_SCHEMA, tupleMention } from './itemSchema.ts';

describe('item schemas', () => {
  it('name each shape’s list, fields in output order, and which are mentions', () => {
    for (const t of Object.values(TASKS)) expect(ITEM_SCHEMAS[t.shape].list).toBe(t.shape === 'pairs' ? 'entities' : t.shape === 'triple' ? 'relations' : 'events');
    expect(ITEM_SCHEMAS.triple.fields.map((f) => f.name)).toEqual(['head', 'relation', 'tail']);
    expect(mentionFields(ITEM_SCHEMAS.event)).toEqual(['subject', 'trigger', 'object', 'time']);
    expect(ITEM_SCHEMAS.event.fields.filter((f) => f.optional).map((f) => f.name)).toEqual(['object']);
  });

  it('reads spans and tuple arguments as one Mention shape, in item order', () => {
    const text = '浅田真央は27日に出演した。';
    const x = extract('<スポーツ>イベント抽出:浅田真央;出演;27日:', 'ee', P, text);
    expect([...mentionsOf(x)].map((m) => [m.field, m.mention.text, m.mention.offsets])).toEqual([
      ['subject', '浅田真央', [0, 4]],
      ['trigger', '出演', [9, 11]],
      ['object', null, null],
      ['time', '27日', [5, 8]],
    ]);
    expect(spanMention({ label: '人名', text: '国母', start: 0, end: 2 })).toEqual({ text: '国母', offsets: [0, 2] });
    const r = { head: '国母', relation: '所属', tail: '東海大', offsets: { head: [0, 2] as const, tail: null } };
    expect(tupleMention(r, 'relation')).toEqual({ text: '所属', offsets: null });
    expect(mapTupleOffsets(r, TRIPLE_SCHEMA, (o) => (o ? [o[0] + 1, o[1] + 1] : null))).toEqual({ head: [1, 3], tail: null });
  });
});

import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import { addLink, arcsOf, linkChoices, mentionAt, mentionRanges, relabelArc, removeArc, stepMention } from './arcs.ts';

// Real TCREE records (shared/data, the app's sample).
const reText = 'スノーボード男子ハーフパイプの国母和宏(東海大)が、バンクーバーへの移動中に空港で服装の乱れを指摘された。';
const re = () => extract('<スポーツ>関係抽出:国母和宏;所属;東海大', 're', P, reText);
const eeText = '27日に生放送された日本テレビ「バンクーバー2010」には、女子フィギュアスケートで銀メダルを獲得した浅田真央が出演した。';
const ee = () => extract('<スポーツ>イベント抽出:浅田真央;出演;日本テレビ;27日', 'ee', P, eeText);

describe('arcs of an extraction', () => {
  it('draws a relation from its head to its tail, labelled by the relation', () => {
    expect(arcsOf(re())).toEqual([{ kind: 'relations', item: 0, role: 'tail', from: [15, 19], to: [20, 23], label: '所属' }]);
  });

  it('draws an event as arcs from its trigger to each located argument, labelled by role', () => {
    const arcs = arcsOf(ee());
    expect(arcs.map((a) => [a.role, a.label, a.from, a.to])).toEqual([
      ['subject', 'subject', [56, 58], [51, 55]],
      ['object', 'object', [56, 58], [10, 15]],
      ['time', 'time', [56, 58], [0, 3]],
    ]);
  });

  it('leaves out an arc whose end is not in the text', () => {
    const x = extract('<スポーツ>関係抽出:国母和宏;所属;北海道大', 're', P, reText);
    expect(arcsOf(x)).toEqual([]);
    expect(mentionRanges(x)).toEqual([[15, 19]]);
  });

  it('lists the distinct arguments in text order, and steps through them', () => {
    const x = ee();
    expect(mentionRanges(x)).toEqual([
      [0, 3],
      [10, 15],
      [51, 55],
      [56, 58],
    ]);
    expect(mentionAt(x, 53)).toEqual([51, 55]);
    expect(mentionAt(x, 5)).toBeNull();
    expect(stepMention(x, [10, 15], 1)).toEqual([51, 55]);
    expect(stepMention(x, [56, 58], 1)).toEqual([0, 3]);
    expect(stepMention(x, [0, 3], -1)).toEqual([56, 58]);
    // From a selection that is no mention, the next mention after it; the source itself is skipped.
    expect(stepMention(x, [20, 22], 1)).toEqual([51, 55]);
    expect(stepMention(x, [0, 3], 1, [10, 15])).toEqual([51, 55]);
  });
});

describe('arc edits', () => {
  it('adds a relation as a new triple taken from the text', () => {
    const x = addLink(re(), reText, 'relations', [15, 19], [38, 40], '職業');
    expect(x.relations[1]).toEqual({ head: '国母和宏', relation: '職業', tail: '空港', offsets: { head: [15, 19], tail: [38, 40] } });
    expect(serializeOutput(x, 're', P)).toBe('<スポーツ>関係抽出:国母和宏;所属;東海大:国母和宏;職業;空港:');
  });

  it('puts an event role on the event of that trigger while the role is empty, else on a new event', () => {
    const x = extract('<スポーツ>イベント抽出:浅田真央;出演;;', 'ee', P, eeText);
    const withTime = addLink(x, eeText, 'events', [56, 58], [0, 3], 'time');
    expect(withTime.events).toHaveLength(1);
    expect(withTime.events[0]!.time).toBe('27日');
    const second = addLink(withTime, eeText, 'events', [56, 58], [0, 2], 'time');
    expect(second.events).toHaveLength(2);
    expect(second.events[1]).toMatchObject({ trigger: '出演', time: '27', subject: '', object: null });
    expect(linkChoices('events', ['出演'])).toEqual(['subject', 'object', 'time']);
    expect(linkChoices('relations', ['所属'])).toEqual(['所属']);
    expect(addLink(x, eeText, 'events', [56, 58], [0, 3], 'trigger')).toBe(x);
  });

  it('relabels a relation, and gives an event argument another role without losing the one there', () => {
    expect(relabelArc(re(), reText, { kind: 'relations', item: 0, role: 'tail' }, '監督').relations[0]!.relation).toBe('監督');
    const x = relabelArc(ee(), eeText, { kind: 'events', item: 0, role: 'object' }, 'subject');
    expect(x.events[0]).toMatchObject({ subject: '日本テレビ', object: '浅田真央', offsets: { subject: [10, 15], object: [51, 55] } });
    const none = extract('<スポーツ>イベント抽出:浅田真央;出演;27日', 'ee', P, eeText);
    const moved = relabelArc(none, eeText, { kind: 'events', item: 0, role: 'subject' }, 'object');
    expect(moved.events[0]).toMatchObject({ subject: '', object: '浅田真央' });
  });

  it('removes a relation, or one argument of an event', () => {
    expect(removeArc(re(), reText, { kind: 'relations', item: 0, role: 'tail' }).relations).toEqual([]);
    const x = removeArc(ee(), eeText, { kind: 'events', item: 0, role: 'object' });
    expect(x.events[0]).toMatchObject({ subject: '浅田真央', object: null, time: '27日' });
    expect(arcsOf(x).map((a) => a.role)).toEqual(['subject', 'time']);
    expect(removeArc(x, eeText, { kind: 'events', item: 3, role: 'time' })).toBe(x);
  });
});

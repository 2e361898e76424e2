import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, TASKS } from '../../../src/index.ts';
import { spanPalette } from './palette.ts';

const colour = spanPalette(DEFAULT_PROFILE.wordLabels);

describe('spanPalette', () => {
  it('gives each of the eight NER types its own colour', () => {
    const colours = TASKS.ner.wordLabels.map((label) => colour({ label }));
    expect(new Set(colours).size).toBe(8);
  });

  it('colours polarity by meaning: positive green, negative red, neutral grey, all different', () => {
    const [pos, neu, neg] = ['ポジティブ', '中立', 'ネガティブ'].map((label) => colour({ label }));
    expect([pos, neu, neg]).toEqual(['#59a14f', '#bab0ac', '#e15759']);
  });

  it('never gives head and tail, or subject and object, the same colour', () => {
    expect(colour({ role: 'head' })).not.toBe(colour({ role: 'tail' }));
    expect(colour({ role: 'subject' })).not.toBe(colour({ role: 'object' }));
    expect(colour({ role: 'trigger' })).not.toBe(colour({ role: 'subject' }));
  });

  it('follows the schema order, so a reordered schema moves the colours with it', () => {
    const swapped = spanPalette({ ...DEFAULT_PROFILE.wordLabels, ner: ['地名', '人名'] });
    expect(swapped({ label: '地名' })).toBe(colour({ label: '人名' }));
  });

  it('gives a label outside every schema the same colour every time', () => {
    expect(spanPalette(DEFAULT_PROFILE.wordLabels)({ label: '未知' })).toBe(colour({ label: '未知' }));
  });
});

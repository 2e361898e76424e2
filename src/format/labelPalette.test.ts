import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, TASKS } from '../index.ts';
import { colourContrast, contrast, spanPalette } from './labelPalette.ts';

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

  it('takes a colour chosen for a label over the palette, and checks how any colour reads in light and dark', () => {
    const colourOf = spanPalette(DEFAULT_PROFILE.wordLabels, { 人名: '#123456', 所属: '#abcdef' });
    expect(colourOf({ label: '人名' })).toBe('#123456');
    expect(colourOf({ relation: '所属' })).toBe('#abcdef');
    expect(colourOf({ label: '地名' })).toBe(spanPalette(DEFAULT_PROFILE.wordLabels)({ label: '地名' }));
    // Black and white have 21:1; a Tableau blue reads in both schemes; a near-white bar is lost on white.
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(colourContrast('#4e79a7').every((c) => c.ok)).toBe(true);
    expect(colourContrast('#fafafa').find((c) => c.scheme === 'light')!.ok).toBe(false);
    expect(colourContrast('#0a0a0a').find((c) => c.scheme === 'dark')!.ok).toBe(false);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sharedClass } from './sharedClasses.ts';

const rules = () => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText));

describe('shared classes', () => {
  it('gives one look one class, its rule in a sheet the document adopted', () => {
    const a = sharedClass('k1', 'padding-bottom: 6px');
    expect(a).toMatch(/^gl-/);
    expect(sharedClass('k1', 'padding-bottom: 6px')).toBe(a);
    expect(sharedClass('k2', 'padding-bottom: 10px')).not.toBe(a);
    expect(rules().some((r) => r.includes(`.${a}`) && r.includes('6px'))).toBe(true);
  });

  it('never lets declarations close the rule or open another: those looks stay inline', () => {
    const before = rules().length;
    expect(sharedClass('bad1', 'color: red } body { display: none')).toBeNull();
    expect(sharedClass('bad2', 'color: red; @import url(x)')).toBeNull();
    expect(rules()).toHaveLength(before);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { selectionIn } from './textSelection.ts';

function render(pieces: [number, string, boolean][]) {
  const root = document.createElement('div');
  for (const [start, text, marked] of pieces) {
    const el = document.createElement(marked ? 'mark' : 'span');
    el.dataset.start = String(start);
    el.textContent = text;
    root.append(el);
  }
  document.body.append(root);
  return root;
}

describe('selectionIn', () => {
  it('maps a selection across pieces to code points, counting a surrogate pair as one', () => {
    const root = render([
      [0, '𠮷野家', true],
      [3, 'の社長が', false],
      [7, '東京', true],
    ]);
    const range = document.createRange();
    // UTF-16 offset 3 in "𠮷野家" is after 野 (𠮷 takes two units): code point 2.
    range.setStart(root.children[0]!.firstChild!, 3);
    range.setEnd(root.children[2]!.firstChild!, 1);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    expect(selectionIn(root, sel)).toEqual([2, 8]);
  });
  it('is null for a collapsed selection or one outside the text', () => {
    const root = render([[0, 'abc', false]]);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    expect(selectionIn(root, sel)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'xyz';
    document.body.append(outside);
    const range = document.createRange();
    range.setStart(outside.firstChild!, 0);
    range.setEnd(outside.firstChild!, 2);
    sel.addRange(range);
    expect(selectionIn(root, sel)).toBeNull();
  });
});

describe('offsetOf between elements', () => {
  it('maps a position in a text-less element (a drag handle) to the piece after it, or the end', async () => {
    const { offsetOf } = await import('./textSelection.ts');
    const root = render([
      [0, '国母', true],
      [2, 'は東', false],
    ]);
    const handle = document.createElement('span');
    root.insertBefore(handle, root.children[1]!);
    expect(offsetOf(handle, 0, root)).toBe(2);
    expect(offsetOf(root, 1, root)).toBe(2);
    expect(offsetOf(root, root.childNodes.length, root)).toBe(4);
    expect(offsetOf(root.children[0]!, 1, root)).toBe(2);
  });
});

import { codePointLength } from '../../../src/index.ts';

/**
 * The code-point offset of a DOM position inside a text rendered as pieces that carry `data-start` (their
 * first code point), or null when the position is outside such a piece.
 */
function offsetOf(node: Node, offset: number, root: HTMLElement): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest<HTMLElement>('[data-start]');
    if (!piece || !root.contains(piece)) return null;
    return Number(piece.dataset.start) + codePointLength((node as Text).data.slice(0, offset));
  }
  // A position between elements: the piece after it starts there, or the text ends there.
  const el = node as Element;
  const after = el.childNodes[offset];
  const piece = after instanceof HTMLElement ? (after.closest('[data-start]') ?? after.querySelector('[data-start]')) : null;
  if (piece instanceof HTMLElement && root.contains(piece)) return Number(piece.dataset.start);
  const pieces = root.querySelectorAll<HTMLElement>('[data-start]');
  const last = pieces[pieces.length - 1];
  return last ? Number(last.dataset.start) + codePointLength(last.textContent ?? '') : null;
}

/** The page's text selection as `[start, end)` code points into the text under `root`, or null when there is none there. */
export function selectionIn(root: HTMLElement, selection: Selection | null): [number, number] | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const r = selection.getRangeAt(0);
  if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
  const a = offsetOf(r.startContainer, r.startOffset, root);
  const b = offsetOf(r.endContainer, r.endOffset, root);
  if (a === null || b === null || a === b) return null;
  return a < b ? [a, b] : [b, a];
}

import { codePointLength } from '../../../src/index.ts';

/**
 * The code-point offset of a DOM position inside a text rendered as pieces that carry `data-start` (their
 * first code point), or null when the position is outside such a piece.
 */
export function offsetOf(node: Node, offset: number, root: HTMLElement): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest<HTMLElement>('[data-start]');
    if (!piece || !root.contains(piece)) return null;
    return Number(piece.dataset.start) + codePointLength((node as Text).data.slice(0, offset));
  }
  // A position between elements (or in one without text, such as a drag handle): the first piece at or
  // after it starts there; after the last piece, the text ends there.
  const el = node as Element;
  const inPiece = el.closest?.('[data-start]');
  if (inPiece instanceof HTMLElement && root.contains(inPiece)) return Number(inPiece.dataset.start) + (offset > 0 ? codePointLength(inPiece.textContent ?? '') : 0);
  const ref = el.childNodes[offset] ?? null;
  const pieces = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const next = pieces.find((p) =>
    ref ? ref === p || ref.contains(p) || Boolean(ref.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) : !el.contains(p) && Boolean(el.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
  if (next) return Number(next.dataset.start);
  const last = pieces.at(-1);
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

/** The code-point offset of the text position under a point (a pointer dragging a span's end), or null. */
export function offsetAtPoint(root: HTMLElement, x: number, y: number): number | null {
  const doc = root.ownerDocument as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) return root.contains(pos.offsetNode) ? offsetOf(pos.offsetNode, pos.offset, root) : null;
  const range = doc.caretRangeFromPoint?.(x, y);
  return range && root.contains(range.startContainer) ? offsetOf(range.startContainer, range.startOffset, root) : null;
}

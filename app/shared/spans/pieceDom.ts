import { byLaneOf, markAttributes, markClass, stackedLook, type DrawnRange, type Look } from './StackedMark.tsx';

/** A drawn range that belongs to an item of the extraction, so the item's row can light its pieces. */
export interface ItemRange extends DrawnRange {
  kind: string;
  item: number;
}

/** A piece of a line: text, where it starts (code points) and the ranges over it. */
export interface LinePiece {
  start: number;
  text: string;
  ranges: readonly ItemRange[];
}

/** The item a piece names in `data-items` (the innermost span's item first): `entities:3`. */
export const itemToken = (kind: string, item: number) => `${kind}:${item}`;

/** What a read-only view needs of a mark's attributes: lanes and labels are read only by the editor's click on a bar. */
const attributesOf = (byLane: readonly DrawnRange[]): [string, string][] =>
  Object.entries(markAttributes(byLane)).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'data-lanes' && e[0] !== 'data-labels');

/**
 * Per document, one mark per look (lanes, labels, colours, spacer) already wearing its attributes and its
 * unlit class: each piece of that look is a shallow clone of it, one native copy instead of a call per
 * attribute (setting them one by one was the largest single cost of a 5,000-span first render). A long
 * article repeats few looks; the map is bounded for an unusual one (every span its own label).
 */
const templates = new WeakMap<Document, Map<string, { template: HTMLElement; style: Look['style'] }>>();

function markFor(doc: Document, byLane: readonly DrawnRange[], extra: string): HTMLElement {
  let byKey = templates.get(doc);
  if (byKey === undefined) templates.set(doc, (byKey = new Map()));
  let key = extra;
  for (const r of byLane) key += `\u0001${r.lane}\u0000${r.label}\u0000${r.colour}\u0000${r.suggested ? 1 : 0}`;
  let known = byKey.get(key);
  if (known === undefined) {
    const template = doc.createElement('mark');
    for (const [name, value] of attributesOf(byLane)) template.setAttribute(name, value);
    const look = stackedLook(byLane, false, -1);
    template.className = markClass(look, false, extra);
    if (byKey.size > 4096) byKey.clear();
    byKey.set(key, (known = { template, style: look.style }));
  }
  const el = known.template.cloneNode(false) as HTMLElement;
  // A look without a shared class is styled through the CSSOM on each mark, as paint does: a style
  // attribute copied by a clone would be one the page's CSP refuses.
  if (known.style) Object.assign(el.style, known.style);
  return el;
}

/** Each mark's ranges and the classes it wears besides its look, for lighting it later. */
const drawn = new WeakMap<Element, { byLane: readonly DrawnRange[]; extra: string }>();

/**
 * Fills `host` with a read-only line's pieces as plain DOM nodes, in one pass: the same marks and classes
 * StackedMark renders (and its attributes, but the two only the editor reads), without a React element per
 * piece. A 5,000-span article's first render was 15× the cost of building its nodes by hand, nearly all of
 * it React's work per piece (bench/render.ts).
 * Text is set as text, never parsed. `spacerAt` names the pieces that carry an arc's spacer.
 */
export function fillLine(host: HTMLElement, pieces: readonly LinePiece[], spacerAt: ReadonlySet<number>, spacerClass: string): void {
  const doc = host.ownerDocument;
  const frag = doc.createDocumentFragment();
  for (const p of pieces) {
    const spacer = spacerAt.has(p.start);
    let el: HTMLElement;
    if (p.ranges.length === 0) {
      el = doc.createElement('span');
      if (spacer) el.className = spacerClass;
    } else {
      const byLane = p.ranges.length === 1 ? p.ranges : byLaneOf(p.ranges);
      el = markFor(doc, byLane, spacer ? spacerClass : '');
      // The innermost span under the pointer is the one its row lights up for (the first of them where two
      // share the innermost lane: one role of two relations over the same words).
      const deepest = byLane[byLane.length - 1]!.lane;
      const inner = byLane.find((r) => r.lane === deepest)!;
      const own = itemToken(inner.kind, inner.item);
      el.setAttribute('data-items', p.ranges.length === 1 ? own : [...new Set([own, ...p.ranges.map((r) => itemToken(r.kind, r.item))])].join(' '));
      drawn.set(el, { byLane, extra: spacer ? spacerClass : '' });
    }
    el.setAttribute('data-start', String(p.start));
    if (spacer) el.setAttribute('data-spacer', String(p.start));
    el.textContent = p.text;
    frag.appendChild(el);
  }
  host.replaceChildren(frag);
}

function paint(el: HTMLElement, lit: boolean) {
  const d = drawn.get(el);
  if (d === undefined) return;
  const look = stackedLook(d.byLane, lit, -1);
  el.className = markClass(look, lit, d.extra);
  if (look.style) Object.assign(el.style, look.style);
}

/** Lights the pieces of one item under `root` (and puts out the others); null puts out all. */
export function lightItem(root: HTMLElement, token: string | null): void {
  for (const el of root.querySelectorAll<HTMLElement>('mark[data-active]')) {
    if (token !== null && el.dataset.items!.split(' ').includes(token)) continue;
    delete el.dataset.active;
    paint(el, false);
  }
  if (token === null) return;
  for (const el of root.querySelectorAll<HTMLElement>(`mark[data-items~="${CSS.escape(token)}"]`)) {
    if (el.dataset.active !== undefined) continue;
    el.dataset.active = 'true';
    paint(el, true);
  }
}

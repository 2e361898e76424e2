import type { LocatedExtraction, Provenance } from '../domain/types.ts';
import type { ItemList } from '../format/itemSchema.ts';

/**
 * Who made each item of an extraction, as pure functions: a model's items come in as suggestions, a person
 * accepts or rejects them one by one or all at once, and every item a person adds or changes is stamped
 * with their name and the time. Undo is keeping the previous value, as for every edit.
 */

const LISTS = ['entities', 'relations', 'events'] as const;

/** An item of an extraction: its list and its place there. */
export interface ItemRef {
  list: ItemList;
  index: number;
}

type Item = { provenance?: Provenance };
const items = (x: LocatedExtraction, list: ItemList): readonly Item[] => x[list];
const withItems = (x: LocatedExtraction, list: ItemList, next: Item[]): LocatedExtraction => ({ ...x, [list]: next });

/** An item as what it says (its fields and offsets), whoever made it: the same item from two sources compares equal. */
export const itemIdentity = (o: object): string => JSON.stringify({ ...o, provenance: undefined });

/** Whether item `index` of `list` is one of `refs` (or every item, for 'all'). */
const chosenIn = (refs: readonly ItemRef[] | 'all') => (list: ItemList, index: number) => refs === 'all' || refs.some((r) => r.list === list && r.index === index);

/**
 * Every item marked as a suggestion of `name`: a model's (a prediction), or another annotator's (their
 * annotation, for an adjudicator to take item by item). Items that already say who made them are left as
 * they are.
 */
export function asSuggestions(x: LocatedExtraction, name: string, at?: number, by: Provenance['by'] = 'model'): LocatedExtraction {
  const provenance: Provenance = { by, name, ...(at === undefined ? {} : { at }), suggestion: true };
  let y = x;
  for (const list of LISTS) if (items(x, list).some((i) => !i.provenance)) y = withItems(y, list, items(x, list).map((i) => (i.provenance ? i : { ...i, provenance })));
  return y;
}

export const isSuggestion = (i: Item) => i.provenance?.suggestion === true;

/** The suggestions not yet decided on, in list order. */
export function suggestionsOf(x: LocatedExtraction): ItemRef[] {
  const out: ItemRef[] = [];
  for (const list of LISTS) items(x, list).forEach((i, index) => isSuggestion(i) && out.push({ list, index }));
  return out;
}

/** The extraction without the suggestions nobody accepted: what counts as a person's annotation (gold). */
export function withoutSuggestions(x: LocatedExtraction): LocatedExtraction {
  let y = x;
  for (const list of LISTS) if (items(x, list).some(isSuggestion)) y = withItems(y, list, items(x, list).filter((i) => !isSuggestion(i)));
  return y;
}

/** Only the suggestions nobody accepted (of one model, if `model` is given): what a tool with pre-annotations takes as a prediction. */
export function onlySuggestions(x: LocatedExtraction, model?: string): LocatedExtraction {
  const keep = (i: Item) => isSuggestion(i) && (model === undefined || i.provenance!.name === model);
  let y = x;
  for (const list of LISTS) if (!items(x, list).every(keep)) y = withItems(y, list, items(x, list).filter(keep));
  return y;
}

/** The models whose suggestions an extraction holds, in the order they first appear. */
export const suggestingModels = (x: LocatedExtraction): string[] => [...new Set(suggestionsOf(x).map((r) => items(x, r.list)[r.index]!.provenance!.name))];

/**
 * Adds a model's suggestions to an extraction, leaving out those already there (the same item at the same
 * place, whoever made it), so running a model again on a document does not repeat what it has.
 */
export function addSuggestions(x: LocatedExtraction, suggestions: Pick<LocatedExtraction, 'entities' | 'relations' | 'events'>): LocatedExtraction {
  let y = x;
  for (const list of LISTS) {
    const have = new Set(items(x, list).map(itemIdentity));
    const fresh = items(suggestions as LocatedExtraction, list).filter((i) => !have.has(itemIdentity(i)));
    if (fresh.length) y = withItems(y, list, [...items(x, list), ...fresh]);
  }
  return y;
}

/** Accepts suggestions (`refs`, or all of them): who made them is kept, and who accepted them, when, added. */
export function acceptSuggestions(x: LocatedExtraction, refs: readonly ItemRef[] | 'all', name: string, at: number): LocatedExtraction {
  const chosen = chosenIn(refs);
  let y = x;
  for (const list of LISTS) {
    const xs = items(x, list);
    if (!xs.some((i, k) => isSuggestion(i) && chosen(list, k))) continue;
    y = withItems(
      y,
      list,
      xs.map((i, k) => {
        if (!isSuggestion(i) || !chosen(list, k)) return i;
        const decided: Provenance = { ...i.provenance!, accepted: { name, at } };
        delete decided.suggestion;
        return { ...i, provenance: decided };
      }),
    );
  }
  return y;
}

/** Rejects suggestions (`refs`, or all of them): they go. */
export function rejectSuggestions(x: LocatedExtraction, refs: readonly ItemRef[] | 'all'): LocatedExtraction {
  const chosen = chosenIn(refs);
  let y = x;
  for (const list of LISTS) {
    const xs = items(x, list);
    if (xs.some((i, k) => isSuggestion(i) && chosen(list, k))) y = withItems(y, list, xs.filter((i, k) => !(isSuggestion(i) && chosen(list, k))));
  }
  return y;
}

/**
 * Stamps what an edit made: every item of `next` that is not an item of `prev` (edits replace the items they
 * change, and keep the others) is a person's, `name`, at `at`; a suggestion they changed names the model it
 * came `from`. Items accepted by this same edit (at `at`), and a model's suggestions it added (made at
 * `at`), keep who made them.
 */
export function stampEdits(prev: LocatedExtraction, next: LocatedExtraction, name: string, at: number): LocatedExtraction {
  if (prev === next) return next;
  let y = next;
  for (const list of LISTS) {
    const before = new Set(items(prev, list));
    const xs = items(next, list);
    const stamped = (i: Item): Item => {
      if (before.has(i) || i.provenance?.accepted?.at === at || (i.provenance?.suggestion && i.provenance.at === at)) return i;
      const p = i.provenance;
      const from = p?.by === 'model' ? p.name : p?.from;
      return { ...i, provenance: { by: 'person', name, at, ...(from ? { from } : {}) } };
    };
    const out = xs.map(stamped);
    if (out.some((i, k) => i !== xs[k])) y = withItems(y, list, out);
  }
  return y;
}

/** How an item's provenance reads in one line (for a note in a format that has no field for it, such as brat's). */
export function provenanceNote(p: Provenance): string {
  const when = (t: number | undefined) => (t === undefined ? '' : ` at=${new Date(t).toISOString()}`);
  const parts = [`giellm: ${p.suggestion ? 'suggestion' : p.by}`, `name=${JSON.stringify(p.name)}${when(p.at)}`];
  if (p.accepted) parts.push(`accepted=${JSON.stringify(p.accepted.name)}${when(p.accepted.at)}`);
  if (p.from) parts.push(`from=${JSON.stringify(p.from)}`);
  return parts.join('; ');
}

/** Reads `provenanceNote` back; null for any other note. */
export function parseProvenanceNote(note: string): Provenance | null {
  const m = /^giellm: (suggestion|model|person); name=("(?:[^"\\]|\\.)*")(?: at=(\S+))?(?:; accepted=("(?:[^"\\]|\\.)*")(?: at=(\S+))?)?(?:; from=("(?:[^"\\]|\\.)*"))?$/.exec(note.trim());
  if (!m) return null;
  const time = (s: string | undefined) => (s === undefined ? undefined : Date.parse(s));
  const at = time(m[3]);
  const acceptedAt = time(m[5]);
  if (Number.isNaN(at) || Number.isNaN(acceptedAt)) return null;
  const p: Provenance = { by: m[1] === 'person' ? 'person' : 'model', name: JSON.parse(m[2]!) as string };
  if (at !== undefined) p.at = at;
  if (m[1] === 'suggestion') p.suggestion = true;
  if (m[4]) p.accepted = { name: JSON.parse(m[4]) as string, at: acceptedAt ?? 0 };
  if (m[6]) p.from = JSON.parse(m[6]) as string;
  return p;
}

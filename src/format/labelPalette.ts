import type { TaskId } from '../domain/types.ts';
import { TASK_IDS, TASKS } from './taskCatalog.ts';

/**
 * Tableau 10: ten hues chosen to be told apart, also by most colour-blind readers, in light and dark.
 * A label's colour is its place in the label schema, never a hash of its (translated) name.
 */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'] as const;

/** Colours that mean something: polarity reads green / grey / red whatever its place in the schema. */
const SEMANTIC: Readonly<Record<string, string>> = { ポジティブ: '#59a14f', 中立: '#bab0ac', ネガティブ: '#e15759' };

/** Tuple arguments by role, so head and tail (subject and object) never share a colour. */
const ROLES: Readonly<Record<string, string>> = { head: '#4e79a7', tail: '#f28e2b', subject: '#4e79a7', trigger: '#b07aa1', object: '#f28e2b', time: '#76b7b2' };

/** What a range is coloured by: an entity's label, or a tuple argument's role (its field, not its translated name). */
export type ColourKey = { role: string } | { label: string } | { relation: string };

function hashIndex(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.codePointAt(0)!) >>> 0;
  return h % PALETTE.length;
}

/**
 * The colour of each span, from the word-label schemas of the tasks whose items are spans: the n-th
 * label of those schemas (in task order, each label once) takes the n-th colour. A label outside every
 * schema takes a colour from its name, the same on every load and in every UI language.
 */
export function spanPalette(wordLabels: Readonly<Record<TaskId, readonly string[]>>, chosen: Readonly<Record<string, string>> = {}): (key: ColourKey) => string {
  const order = new Map<string, number>();
  const relations = new Map<string, number>();
  for (const id of TASK_IDS) {
    if (TASKS[id].shape === 'pairs') for (const l of wordLabels[id]) if (!(l in SEMANTIC) && !order.has(l)) order.set(l, order.size);
    if (TASKS[id].shape === 'triple') for (const l of wordLabels[id]) if (!relations.has(l)) relations.set(l, relations.size);
  }
  return (key) => {
    if ('role' in key) return ROLES[key.role] ?? PALETTE[hashIndex(key.role)]!;
    // A colour the user chose for a label (the label schema editor) wins.
    const own = chosen['relation' in key ? key.relation : key.label];
    if (own) return own;
    // A relation's arc: its place among the relation labels (the spans it joins are coloured by role).
    if ('relation' in key) {
      const at = relations.get(key.relation);
      return PALETTE[at === undefined ? hashIndex(key.relation) : at % PALETTE.length]!;
    }
    const semantic = SEMANTIC[key.label];
    if (semantic) return semantic;
    const at = order.get(key.label);
    return PALETTE[at === undefined ? hashIndex(key.label) : at % PALETTE.length]!;
  };
}

/** A span's tint behind its text: the colour at low opacity, so the text keeps its contrast in light and dark. */
export const tint = (colour: string, lit = false) => `color-mix(in srgb, ${colour} ${lit ? 60 : 30}%, transparent)`;

/** The colours the text and its tint are drawn in, light and dark (slate-900 on white, slate-100 on slate-950). */
const SCHEMES = { light: { text: '#0f172a', page: '#ffffff' }, dark: { text: '#f1f5f9', page: '#020617' } } as const;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const luminance = ([r, g, b]: readonly number[]) => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
};
/** WCAG's contrast ratio of two colours. */
export const contrast = (a: readonly number[], b: readonly number[]) => {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x! + 0.05) / (y! + 0.05);
};

/**
 * How a label colour reads in light and dark: the text over its tint (`tint`, 30%; needs 4.5:1) and its bar
 * against the page (a graphic; needs 3:1). A colour chosen in the schema editor is checked with it.
 */
export function colourContrast(hex: string): { scheme: 'light' | 'dark'; text: number; bar: number; ok: boolean }[] {
  const c = rgb(hex);
  return (['light', 'dark'] as const).map((scheme) => {
    const page = rgb(SCHEMES[scheme].page);
    const tinted = c.map((v, i) => v * 0.3 + page[i]! * 0.7);
    const text = contrast(rgb(SCHEMES[scheme].text), tinted);
    const bar = contrast(c, page);
    return { scheme, text, bar, ok: text >= 4.5 && bar >= 3 };
  });
}

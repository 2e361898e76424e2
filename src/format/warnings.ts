/**
 * Every warning the core gives about an output, by code: the English text (which the CLI prints, exports
 * and the embed API carry, as before) is made here from the code and its parameters, and a UI words the same
 * code in its own language. One table, so a new warning cannot have text without a code.
 */
import { wordIn, type Coded } from '../text/codedMessages.ts';

/** Long strings from the output are shortened in a warning: a 60,000-character piece is not repeated whole. */
export const shortened = (s: string, max = 40) => (s.length > max ? `${s.slice(0, max)}…` : s);
const q = (s: string) => JSON.stringify(s);

export const WARNING_TEXT = {
  'output-not-text': () => 'the output is not text',
  'text-not-text': () => 'the source text is not text: nothing can be located in it',
  'output-empty': () => 'the output is empty',
  'extra-lines': (p: { rest: string }) => `ignored text after the first line: ${q(p.rest)}`,
  'category-unclosed': (p: { tag: string }) => `category tag ${q(p.tag)} is not closed with >`,
  'category-empty': () => 'the category tag <> is empty',
  'category-unopened': (p: { category: string }) => `the category ${q(p.category)} has no opening <`,
  'no-category': () => 'the output has no <category> label',
  'category-unknown': (p: { category: string; labels: string }) => `category ${q(p.category)} is not in the label set ${p.labels}`,
  'other-iw': (p: { said: string; task: string; iw: string }) => `the output names the IW ${q(p.said)} (task ${p.task}), not ${q(p.iw)}`,
  'pair-unreadable': (p: { piece: string }) => `could not read ${q(p.piece)} as Label;Span`,
  'pair-empty': (p: { piece: string; part: 'label' | 'span' }) => `the pair ${q(p.piece)} has an empty ${p.part}`,
  'label-unknown': (p: { label: string; labels: string }) => `label ${q(p.label)} is not one of ${p.labels}`,
  'tuple-unreadable': (p: { piece: string; form: string; parts: number }) => `could not read ${q(p.piece)} as ${p.form} (${p.parts} part${p.parts === 1 ? '' : 's'})`,
  'tuple-empty': (p: { piece: string }) => `${q(p.piece)} has an empty part`,
  'cut-dropped': (p: { item: string }) => `the output was cut at the token limit: the last item ${q(p.item)} was dropped`,
  cut: () => 'the output was cut at the token limit',
  // `role` is `span` (with the entity's label) or a tuple field: head, tail, subject, trigger, object, time.
  'not-found': (p: { role: string; label?: string; text: string }) => `${p.role === 'span' ? `span ${p.label}` : p.role} ${q(p.text)} was not found in the text`,
} as const;

export type WarningCode = keyof typeof WARNING_TEXT;

/** A warning as data: its code and parameters. `Extraction.notices[i]` is `warnings[i]` before it was worded. */
export type Notice = Coded<typeof WARNING_TEXT>;

export function warningText(n: Notice): string {
  return wordIn(WARNING_TEXT, n);
}

/** Adds a warning to a list pair (`warnings` and `notices`), keeping the two in step. */
export function warnInto(into: { warnings: string[]; notices?: Notice[] }, n: Notice): void {
  into.warnings.push(warningText(n));
  (into.notices ??= []).push(n);
}

/**
 * The notices of an extraction when they match its warnings one for one, else null: a list written by an
 * older version or another tool has only the English text, which is then shown as it is.
 */
export function noticesOf(x: { warnings: readonly string[]; notices?: readonly Notice[] }): readonly Notice[] | null {
  if (x.warnings.length === 0) return [];
  const n = x.notices;
  return n && n.length === x.warnings.length ? n : null;
}

/** The notices of extractions put together (sentences of one text): present only when every part's are in step. */
export function mergedNotices(parts: readonly { warnings: readonly string[]; notices?: readonly Notice[] }[]): { notices?: Notice[] } {
  const all: Notice[] = [];
  for (const p of parts) {
    const n = noticesOf(p);
    if (n === null) return {};
    all.push(...n);
  }
  return all.length > 0 ? { notices: all } : {};
}

import type { TaskId } from '../domain/types.ts';
import { TASKS } from '../format/taskCatalog.ts';
import type { FormatProfile } from '../format/profile.ts';

export interface GrammarOptions {
  /** Entity / sentiment-word spans: any text, or only pieces of the source sentence. */
  spans: 'free' | 'substring';
  /** RE / EE arguments may be paraphrases, so constraining them is a choice. */
  tupleArgs: 'free' | 'substring';
}

export const DEFAULT_GRAMMAR_OPTIONS: GrammarOptions = { spans: 'substring', tupleArgs: 'free' };

/** An EBNF string literal (XGrammar / GBNF dialect). */
export function literal(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

const alternatives = (items: readonly string[]) => items.map(literal).join(' | ');

// A free field holds no structure character and no line break (the parser would split there).
const FREE_FIELD = 'free ::= [^:;\\n]+';

/**
 * Rules accepting exactly the non-empty substrings of `text` that hold no `;` or line break, and a `:` only
 * inside (never first or last): the parser joins a name across a `:` the text shows (J:COM春日部), so such
 * names are gold. Rule `s<i>` accepts the prefixes of the rest of the text from position i, so the grammar
 * grows linearly.
 */
export function substringRules(text: string, name = 'sub'): string[] {
  const chars = Array.from(text);
  const isColon = (i: number) => chars[i] === ':';
  const plain = (i: number) => i < chars.length && !isColon(i) && chars[i] !== ';' && chars[i] !== '\n' && chars[i] !== '\r';
  // A colon is a rule only where more of the name follows it: a span never ends (or starts) on one.
  const has = (i: number) => plain(i) || (isColon(i) && plain(i + 1));
  const rules: string[] = [];
  const starts: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!has(i)) continue;
    if (isColon(i)) {
      rules.push(`${name}${i} ::= ":" ${name}${i + 1}`);
      continue;
    }
    rules.push(`${name}${i} ::= ${literal(chars[i]!)}${has(i + 1) ? ` ${name}${i + 1}?` : ''}`);
    starts.push(`${name}${i}`);
  }
  // A sentence of nothing but separators leaves no possible span.
  rules.unshift(`${name} ::= ${starts.length ? starts.join(' | ') : '""'}`);
  return rules;
}

/**
 * The EBNF grammar (root rule `root`) an output for this task, label set and sentence must match. It follows
 * the profile: its IW and label sets, a trailing `:` after pairs where the profile expects one, shared or
 * doubled `:` between tuples, and full-width `：；＜＞` as structure where the profile reads them. One space
 * or line break may come before the `<`, in case training put one there (unknown).
 */
export function buildGrammar(task: TaskId, profile: FormatProfile, text: string | null, opts: GrammarOptions = DEFAULT_GRAMMAR_OPTIONS): string {
  const spec = TASKS[task];
  const categories = profile.categories[task];
  const both = profile.punctuation === 'ascii+fullwidth';
  const [C, S, LT, GT] = both ? ['C', 'S', 'LT', 'GT'] : ['":"', '";"', '"<"', '">"'];
  const rules: string[] = [
    `root ::= [ \\n]? ${LT} category ${GT} ${literal(profile.iw[task])} body`,
    `category ::= ${categories.length ? alternatives(categories) : 'free'}`,
    FREE_FIELD,
  ];
  if (both) rules.push('C ::= ":" | "："', 'S ::= ";" | "；"', 'LT ::= "<" | "＜"', 'GT ::= ">" | "＞"');
  const hasText = text !== null && text.trim() !== '';
  const textHasColon = hasText && text.includes(':');
  let sub = false;
  // Substring-constrained fields take the sentence's pieces; free ones any field, or a piece of the
  // sentence holding one of its colons (the parser keeps those whole).
  const field = (want: 'free' | 'substring') => {
    if (want === 'substring' && hasText) {
      sub = true;
      return 'sub';
    }
    if (textHasColon) {
      sub = true;
      return 'free | sub';
    }
    return 'free';
  };
  if (spec.shape === 'pairs') {
    const labels = profile.wordLabels[task];
    rules.push(profile.pairsTrailingColon ? `body ::= "" | pair+ ${C}` : 'body ::= pair*');
    rules.push(`pair ::= ${C} label ${S} span`);
    rules.push(`label ::= ${spec.wordLabelsComplete && labels.length ? alternatives(labels) : 'free'}`);
    rules.push(`span ::= ${field(opts.spans)}`);
  } else {
    const join = profile.tupleJoin === 'shared' ? C : `${C} ${C}`;
    rules.push(`body ::= "" | ${C} tuple (${join} tuple)* ${C}`);
    rules.push(spec.shape === 'triple' ? `tuple ::= arg ${S} free ${S} arg` : `tuple ::= arg ${S} free ${S} (arg ${S})? arg`);
    rules.push(`arg ::= ${field(opts.tupleArgs)}`);
  }
  if (sub) rules.push(...substringRules(text!));
  return `${rules.join('\n')}\n`;
}

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
 * Rules accepting exactly the non-empty substrings of `text` that hold no `:`, `;` or line break: rule
 * `s<i>` accepts the prefixes of the rest of the text from position i, so the grammar grows linearly.
 */
export function substringRules(text: string, name = 'sub'): string[] {
  const chars = Array.from(text);
  const ok = chars.map((c) => c !== ':' && c !== ';' && c !== '\n' && c !== '\r');
  const rules: string[] = [];
  const starts: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!ok[i]) continue;
    const next = i + 1 < chars.length && ok[i + 1] ? ` ${name}${i + 1}?` : '';
    rules.push(`${name}${i} ::= ${literal(chars[i]!)}${next}`);
    starts.push(`${name}${i}`);
  }
  // A sentence of nothing but separators leaves no possible span.
  rules.unshift(`${name} ::= ${starts.length ? starts.join(' | ') : '""'}`);
  return rules;
}

/** The EBNF grammar (root rule `root`) an output for this task, label set and sentence must match. */
export function buildGrammar(task: TaskId, profile: FormatProfile, text: string | null, opts: GrammarOptions = DEFAULT_GRAMMAR_OPTIONS): string {
  const spec = TASKS[task];
  const categories = profile.categories[task];
  const rules: string[] = [
    `root ::= "<" category ">" ${literal(profile.iw[task])} body`,
    `category ::= ${categories.length ? alternatives(categories) : 'free'}`,
    FREE_FIELD,
  ];
  const constrained = (want: 'free' | 'substring') => want === 'substring' && text !== null && text.trim() !== '';
  if (spec.shape === 'pairs') {
    const labels = profile.wordLabels[task];
    rules.push('body ::= pair*');
    rules.push('pair ::= ":" label ";" span');
    rules.push(`label ::= ${spec.wordLabelsComplete && labels.length ? alternatives(labels) : 'free'}`);
    if (constrained(opts.spans)) rules.push('span ::= sub', ...substringRules(text!));
    else rules.push('span ::= free');
  } else {
    const join = profile.tupleJoin === 'shared' ? '":"' : '"::"';
    rules.push(`body ::= "" | ":" tuple (${join} tuple)* ":"`);
    rules.push(spec.shape === 'triple' ? 'tuple ::= arg ";" free ";" arg' : 'tuple ::= arg ";" free ";" (arg ";")? arg');
    if (constrained(opts.tupleArgs)) rules.push('arg ::= sub', ...substringRules(text!));
    else rules.push('arg ::= free');
  }
  return `${rules.join('\n')}\n`;
}

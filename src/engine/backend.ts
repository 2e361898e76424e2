import type { ChatMessage } from '../prompting/buildPrompted.ts';
import type { InitProgress } from './progress.ts';
import type { ModelInfo } from '../models/catalog.ts';

export interface GenerateRequest {
  messages: ChatMessage[];
  /** GIELLM mode: the raw model input (`buildInput`), sent as is to a completions endpoint; null in prompted mode. */
  prompt: string | null;
  /** EBNF for XGrammar, or null for unconstrained decoding. */
  grammar: string | null;
  /**
   * Text that ends a generation where a model writes it instead of its end token (the profile's stop
   * strings: `</s>`, `<|endoftext|>`…); the parser cuts at them too. Every engine gets them as `stop`.
   */
  stop: readonly string[];
  maxTokens: number;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  prefillTokensPerS: number | null;
  decodeTokensPerS: number | null;
  timeToFirstTokenS: number | null;
  e2eLatencyS: number | null;
}

export interface GenerateResult {
  text: string;
  finishReason: 'stop' | 'length' | 'abort' | 'other';
  usage: Usage | null;
}

/** An engine's finish_reason in the seam's words (OpenAI-style servers, web-llm and llama.cpp use the same ones). */
export const finishReasonOf = (r: unknown): GenerateResult['finishReason'] => (r === 'stop' || r === 'length' || r === 'abort' ? r : 'other');

/** One generation, streamed: the signature every engine's generate has, for the run loop. */
export type Generate = (req: GenerateRequest, onText: (textSoFar: string) => void) => Promise<GenerateResult>;

/**
 * THE test seam. Everything above it (Engine, stores, UI) and below it (the WebLLM worker) is the code
 * users run; e2e tests that need streaming without a GPU install a scripted backend on
 * `window.__GIELLM_TEST_BACKEND__` before the app starts (see e2e/README.md).
 */
export interface LlmBackend {
  readonly name: string;
  /** How many generations it runs at once (a server's parallel slots); 1 when absent. */
  readonly concurrency?: number;
  /**
   * How many distinct grammars it can take before its memory must be freed by making it anew (WebLLM's
   * XGrammar keeps each one until its worker ends: `GRAMMAR_BUDGET`); no limit when absent.
   */
  readonly grammarBudget?: number;
  load(model: ModelInfo, onProgress: (p: InitProgress) => void): Promise<void>;
  /** Streams the text generated so far to `onText`; resolves when generation ends. */
  generate(req: GenerateRequest, onText: (textSoFar: string) => void): Promise<GenerateResult>;
  interrupt(): void;
  unload(): Promise<void>;
  /** Ends the backend for good (terminates its worker). */
  dispose(): void;
  /** Called when the backend died on its own (a crashed worker). */
  onCrash(listener: (reason: string) => void): void;
}

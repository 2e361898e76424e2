// The typed messages between the page (wllamaBackend.ts) and the CPU engine's worker (wllamaWorker.ts).
import type { ChatMessage } from '../../../src/prompting/buildPrompted.ts';
import type { GenerateResult } from './llmBackend.ts';

export interface WllamaLoadRequest {
  type: 'load';
  id: number;
  /** URLs of the GGUF's parts, in order; empty for picked files. */
  urls: string[];
  /** Picked files (structured-cloned, not copied: a File is a handle). */
  files: File[];
  contextWindow: number;
  threads: number;
  /** What the worker may fetch besides this origin (connectPolicy.ts). */
  allow: string[];
}

export interface WllamaGenerateRequest {
  type: 'generate';
  id: number;
  /** GIELLM mode: the raw input, tokenised with the model's BOS; null in prompted mode (then `messages`). */
  prompt: string | null;
  messages: ChatMessage[];
  /** GBNF (llama.cpp's grammar), or null. */
  grammar: string | null;
  maxTokens: number;
  /** The profile's stop strings (llama.cpp's `stop`). */
  stop: readonly string[];
}

export type ToWllamaWorker = WllamaLoadRequest | WllamaGenerateRequest | { type: 'interrupt' } | { type: 'unload'; id: number };

export interface WllamaLoaded {
  /** Threads llama.cpp runs on, and whether the multi-threaded build is in use (cross-origin isolation). */
  threads: number;
  multiThread: boolean;
  /** Whether the GGUF carries its own chat template (tokenizer.chat_template), used in prompted mode. */
  chatTemplate: boolean;
  /** Where the weights came from this time. */
  source: 'download' | 'cache' | 'file';
}

export type FromWllamaWorker =
  | { type: 'progress'; id: number; phase: 'fetch' | 'cache' | 'load'; loaded: number; total: number }
  | { type: 'loaded'; id: number; info: WllamaLoaded }
  | { type: 'text'; id: number; text: string }
  | { type: 'done'; id: number; result: GenerateResult }
  | { type: 'unloaded'; id: number }
  | { type: 'error'; id: number; error: string };

import type { EngineKind } from '../../../src/index.ts';
import type { LlmBackend } from './llmBackend.ts';
import type { WllamaLoaded } from './wllamaProtocol.ts';

export type { GenerateRequest, GenerateResult, LlmBackend, Usage } from './llmBackend.ts';

declare global {
  interface Window {
    __GIELLM_TEST_BACKEND__?: () => LlmBackend;
  }
}

/**
 * The backend for an in-browser engine. Each engine's code (web-llm ~6 MB, wllama ~0.3 MB + 10 MB of wasm)
 * loads with the first model it runs, never with the page. The test seam stands in for WebLLM only: the CPU
 * engine runs the real tiny model in the e2e suite.
 */
export async function createBackend(kind: Exclude<EngineKind, 'server'>, onCpuInfo: (info: WllamaLoaded) => void = () => undefined): Promise<LlmBackend> {
  if (kind === 'wllama') {
    const { createWllamaBackend } = await import('./wllamaBackend.ts');
    return createWllamaBackend(onCpuInfo);
  }
  if (typeof window !== 'undefined' && window.__GIELLM_TEST_BACKEND__) return window.__GIELLM_TEST_BACKEND__();
  const { createWebLlmBackend } = await import('./webLlmBackend.ts');
  return createWebLlmBackend();
}

import type { LlmBackend } from './llmBackend.ts';

export type { GenerateRequest, GenerateResult, LlmBackend, Usage } from './llmBackend.ts';

declare global {
  interface Window {
    __GIELLM_TEST_BACKEND__?: () => LlmBackend;
  }
}

export async function createBackend(): Promise<LlmBackend> {
  if (typeof window !== 'undefined' && window.__GIELLM_TEST_BACKEND__) return window.__GIELLM_TEST_BACKEND__();
  // web-llm is ~6 MB: it loads with the first model, never with the page.
  const { createWebLlmBackend } = await import('./webLlmBackend.ts');
  return createWebLlmBackend();
}

// Types only from web-llm: this module is used by the page's entry chunk, which must not pull web-llm in.
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';
import { absoluteUrl, type ModelInfo } from '../../../src/index.ts';

/** A WebLLM record for one of our models: absolute URLs, f16 need declared, our chat overrides. */
export function toModelRecord(m: ModelInfo, origin: string): ModelRecord {
  return {
    model: absoluteUrl(m.weightsUrl, origin),
    model_id: m.id,
    model_lib: absoluteUrl(m.libUrl, origin),
    vram_required_MB: m.vramMB,
    low_resource_required: m.lowResource,
    required_features: m.needsShaderF16 ? ['shader-f16'] : [],
    overrides: { context_window_size: m.contextWindow, ...(m.chatOverrides ?? {}) },
  };
}

export const appConfigFor = (models: readonly ModelInfo[], origin: string): AppConfig => ({
  model_list: models.map((m) => toModelRecord(m, origin)),
  cacheBackend: 'cache',
});

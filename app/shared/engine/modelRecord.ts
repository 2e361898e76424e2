// Types only from web-llm: this module is used by the page's entry chunk, which must not pull web-llm in.
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';
import { absoluteUrl, type ModelInfo } from '../../../src/index.ts';

/**
 * A WebLLM record for one of our models: absolute URLs, f16 need declared, our chat overrides. A model that is
 * one of web-llm's own prebuilt records (`base`, from its prebuiltAppConfig, same weights) keeps every field
 * that record has (Qwen3.5's `max_history_size: 1`, a `model_manifest`, `buffer_size_required_bytes`…),
 * with ours over them.
 */
export function toModelRecord(m: ModelInfo, origin: string, base?: ModelRecord): ModelRecord {
  const model = absoluteUrl(m.weightsUrl, origin);
  const own = base && base.model_id === m.id && base.model === model ? base : undefined;
  return {
    ...own,
    model,
    model_id: m.id,
    model_lib: absoluteUrl(m.libUrl, origin),
    vram_required_MB: m.vramMB,
    low_resource_required: m.lowResource,
    required_features: [...new Set([...(own?.required_features ?? []), ...(m.needsShaderF16 ? ['shader-f16'] : [])])],
    overrides: { ...own?.overrides, context_window_size: m.contextWindow, ...(m.chatOverrides ?? {}) },
    ...(m.modelManifest ? { model_manifest: m.modelManifest } : {}),
  };
}

export const appConfigFor = (models: readonly ModelInfo[], origin: string, prebuilt: readonly ModelRecord[] = []): AppConfig => ({
  model_list: models.map((m) => toModelRecord(m, origin, prebuilt.find((r) => r.model_id === m.id))),
  cacheBackend: 'cache',
});

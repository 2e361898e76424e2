// Types only from web-llm: this module is used by the page's entry chunk, which must not pull web-llm in.
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';
import { absoluteUrl, type ModelInfo } from '../../../src/index.ts';
import { gpuMemoryMB } from '../../../src/models/memoryBudget.ts';

/** A WebLLM record for one of our models: absolute URLs (under the app's base), f16 need declared, our chat overrides. */
export function toModelRecord(m: ModelInfo, base: string): ModelRecord {
  return {
    model: absoluteUrl(m.weightsUrl, base),
    model_id: m.id,
    model_lib: absoluteUrl(m.libUrl, base),
    vram_required_MB: gpuMemoryMB(m),
    low_resource_required: m.lowResource,
    required_features: m.needsShaderF16 ? ['shader-f16'] : [],
    overrides: { context_window_size: m.contextWindow, ...(m.chatOverrides ?? {}) },
    ...(m.modelManifest ? { model_manifest: m.modelManifest } : {}),
  };
}

/**
 * A record laid over web-llm's own prebuilt record of the same model (same id and weights, from its
 * prebuiltAppConfig), so that it keeps every field that one has (Qwen3.5's `max_history_size: 1`, a
 * `model_manifest`, `buffer_size_required_bytes`…), with ours over them. Any other record stays as it is.
 */
export function overPrebuilt(record: ModelRecord, prebuilt: readonly ModelRecord[]): ModelRecord {
  const own = prebuilt.find((r) => r.model_id === record.model_id && r.model === record.model);
  if (!own) return record;
  return {
    ...own,
    ...record,
    required_features: [...new Set([...(own.required_features ?? []), ...(record.required_features ?? [])])],
    overrides: { ...own.overrides, ...record.overrides },
  };
}

export const appConfigFor = (records: readonly ModelRecord[]): AppConfig => ({ model_list: [...records], cacheBackend: 'cache' });

/** What the worker may fetch for a record besides this origin (connectPolicy.ts): its weights folder and library. */
export const allowedFor = (r: ModelRecord): string[] => [r.model.endsWith('/') ? r.model : `${r.model}/`, r.model_lib];

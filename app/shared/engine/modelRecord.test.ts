import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { overPrebuilt, toModelRecord } from './modelRecord.ts';
import { MODEL_CATALOG, engineOf } from '../../../src/index.ts';

const ORIGIN = 'http://127.0.0.1:4173/';
const webllmModels = MODEL_CATALOG.filter((m) => engineOf(m) === 'webllm' && m.mode === 'prompted');

describe('WebLLM records, against web-llm 0.2.86’s own prebuiltAppConfig', () => {
  it('every prebuilt model in the catalog is one of web-llm’s, with the same weights and library', () => {
    for (const m of webllmModels) {
      const own = prebuiltAppConfig.model_list.find((r) => r.model_id === m.id);
      expect(own, m.id).toBeDefined();
      expect([m.weightsUrl, m.libUrl], m.id).toEqual([own!.model, own!.model_lib]);
      expect(Math.round(own!.vram_required_MB!), m.id).toBe(m.vramMB);
    }
  });

  it('keeps every field web-llm’s record has (Qwen3.5’s max_history_size) under ours', () => {
    const records = webllmModels.map((m) => overPrebuilt(toModelRecord(m, ORIGIN), prebuiltAppConfig.model_list));
    for (const r of records) {
      const own = prebuiltAppConfig.model_list.find((x) => x.model_id === r.model_id)!;
      const m = webllmModels.find((x) => x.id === r.model_id)!;
      expect(r.overrides, r.model_id).toMatchObject({ ...own.overrides, context_window_size: m.contextWindow });
      // The memory web-llm is told is its own figure with the KV cache resized to that context.
      expect(r.vram_required_MB!, r.model_id).toBeLessThanOrEqual(Math.round(own.vram_required_MB!));
      for (const f of own.required_features ?? []) expect(r.required_features).toContain(f);
    }
    const qwen35 = records.find((r) => r.model_id === 'Qwen3.5-0.8B-q4f32_1-MLC')!;
    expect(qwen35.overrides?.max_history_size).toBe(1);
    // Before the worker lays it over web-llm's (the page's preflight and cache), the record is ours alone.
    expect(toModelRecord(webllmModels.find((m) => m.id === 'Qwen3.5-0.8B-q4f32_1-MLC')!, ORIGIN).overrides).not.toHaveProperty('max_history_size');
  });

  it('takes nothing from a web-llm record of the same id with other weights (a custom model)', () => {
    const m = { ...webllmModels[0]!, weightsUrl: '/models/mine' };
    const r = overPrebuilt(toModelRecord(m, 'http://127.0.0.1:4173/giellm/'), [{ ...prebuiltAppConfig.model_list.find((x) => x.model_id === m.id)!, model_manifest: 'x.json' }]);
    expect(r.model).toBe('http://127.0.0.1:4173/giellm/models/mine');
    expect(r).not.toHaveProperty('model_manifest');
  });

  it('GIELLM-13B’s memory starts from web-llm’s own Llama-2-13b q4f16_1 figure (same architecture, quantization and library)', () => {
    const llama = prebuiltAppConfig.model_list.find((r) => r.model_id === 'Llama-2-13b-chat-hf-q4f16_1-MLC')!;
    const giellm = MODEL_CATALOG.find((m) => m.id === 'GIELLM-13B-q4f16_1-MLC')!;
    expect(giellm.vramMB).toBe(Math.round(llama.vram_required_MB!));
    expect(giellm.libUrl).toBe(llama.model_lib);
    expect(toModelRecord(giellm, ORIGIN).vram_required_MB).toBe(10214);
  });

  it('GIELLM-13B keeps its raw LM template (BOS 1, EOS 2) and jpllm gets no BOS and EOS 7', () => {
    const [llama, jpllm] = ['GIELLM-13B-q4f16_1-MLC', 'GIELLM-13B-jpllm-q4f16_1-MLC'].map((id) => toModelRecord(MODEL_CATALOG.find((m) => m.id === id)!, ORIGIN).overrides?.conv_template);
    expect(llama).toMatchObject({ name: 'LM', system_prefix_token_ids: [1], stop_token_ids: [2] });
    expect(jpllm).toMatchObject({ name: 'LM', system_prefix_token_ids: [], stop_token_ids: [7] });
  });
});

import { describe, expect, it } from 'vitest';
import { MODEL_CATALOG, engineOf } from './catalog.ts';
import { CONTEXT_BY_MODE, TYPICAL_GPU_MB, WEBLLM_FIGURE_CONTEXT, gpuMemoryMB, kvMBPerToken, limitsShort } from './memoryBudget.ts';
import { assessModel, type Capabilities } from './capability.ts';

const byId = (id: string) => MODEL_CATALOG.find((m) => m.id === id)!;
const GPU: Capabilities = { webgpu: true, adapter: true, shaderF16: true, maxBufferSize: 2 ** 30, limits: { maxStorageBufferBindingSize: 2 ** 30, maxComputeWorkgroupStorageSize: 32768, maxStorageBuffersPerShaderStage: 10 }, adapterDescription: null, storageFreeMB: 100_000 };

describe('the GPU memory budget', () => {
  it('sizes LLaMA-2-13B’s KV cache at 0.78 MB a token (f16), as the issue measured, and GIELLM-13B at about 10.2 GB', () => {
    const giellm = byId('GIELLM-13B-q4f16_1-MLC');
    expect(kvMBPerToken(giellm.attention!, 'q4f16_1')).toBeCloseTo(0.78125, 5);
    expect(giellm.contextWindow).toBe(CONTEXT_BY_MODE.giellm);
    // web-llm's 11,814 MB for 4,096 tokens, less the 2,048 tokens the app does not reserve.
    expect(gpuMemoryMB(giellm)).toBe(Math.round(11814 - 0.78125 * 2048));
    expect(gpuMemoryMB(giellm)).toBeGreaterThan(TYPICAL_GPU_MB);
  });

  it('asks each mode’s context, and resizes web-llm’s figure to it where the shape is known', () => {
    for (const m of MODEL_CATALOG.filter((x) => engineOf(x) === 'webllm')) {
      expect(m.contextWindow, m.id).toBe(CONTEXT_BY_MODE[m.mode]);
      if (!m.attention) {
        expect(gpuMemoryMB(m), m.id).toBe(m.vramMB);
        continue;
      }
      const kvAtFigure = kvMBPerToken(m.attention, m.quantization) * WEBLLM_FIGURE_CONTEXT;
      // The figure holds the whole 4,096-token cache, and weights besides.
      expect(kvAtFigure, m.id).toBeLessThan(m.vramMB - m.downloadMB * 0.5);
      expect(gpuMemoryMB(m), m.id).toBe(Math.round(m.vramMB - (kvAtFigure * (WEBLLM_FIGURE_CONTEXT - m.contextWindow)) / WEBLLM_FIGURE_CONTEXT));
    }
    // A custom prompted model the user sets to 2,048 tokens gets half the KV cache of the figure.
    const q = byId('Qwen2.5-7B-Instruct-q4f16_1-MLC');
    expect(gpuMemoryMB({ ...q, contextWindow: 2048 })).toBe(Math.round(q.vramMB - kvMBPerToken(q.attention!, q.quantization) * 2048));
    // f32 KV for q4f32 builds: Qwen2.5 1.5B's cache is twice its q4f16 twin's.
    expect(kvMBPerToken(byId('Qwen2.5-1.5B-Instruct-q4f32_1-MLC').attention!, 'q4f32_1')).toBe(2 * kvMBPerToken(byId('Qwen2.5-1.5B-Instruct-q4f16_1-MLC').attention!, 'q4f16_1'));
  });

  it('refuses before any download a GPU whose limits are below what web-llm 0.2.86 starts with', () => {
    expect(limitsShort(GPU.limits!)).toEqual([]);
    const small = { ...GPU, maxBufferSize: 128 * 2 ** 20, limits: { ...GPU.limits, maxStorageBuffersPerShaderStage: 8 } };
    expect(limitsShort({ maxBufferSize: small.maxBufferSize, ...small.limits })).toEqual([
      { limit: 'maxBufferSize', need: 256 * 2 ** 20, have: 128 * 2 ** 20 },
      { limit: 'maxStorageBuffersPerShaderStage', need: 10, have: 8 },
    ]);
    const v = assessModel(byId('Qwen2.5-1.5B-Instruct-q4f32_1-MLC'), small);
    expect(v.runnable).toBe(false);
    expect(v.issues).toEqual([{ code: 'gpu-limits', params: { limits: 'maxBufferSize 128 MB (needs 256 MB), maxStorageBuffersPerShaderStage 8 (needs 10)' } }]);
    // The CPU engine needs none of it.
    expect(assessModel(byId('Qwen2.5-0.5B-Instruct-Q4_K_M-GGUF'), small).runnable).toBe(true);
    // Limits not probed (the CLI) decide nothing.
    expect(assessModel(byId('Qwen2.5-1.5B-Instruct-q4f32_1-MLC'), { ...GPU, maxBufferSize: null, limits: undefined }).runnable).toBe(true);
  });
});

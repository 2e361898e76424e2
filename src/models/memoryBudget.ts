import type { ModelInfo } from './catalog.ts';

// How much GPU memory a WebLLM model takes here, and whether the GPU's limits let web-llm start at all.
// WebGPU says nothing about free memory, so the budget is an estimate against a stated heuristic.

/**
 * The context web-llm's own `vram_required_MB` figures are for: its prebuilt records set
 * `context_window_size: 4096` (0.2.86, prebuiltAppConfig), and web-llm reserves the KV cache for the whole
 * context when it loads (paged, but allocated up front).
 */
export const WEBLLM_FIGURE_CONTEXT = 4096;

/**
 * The context the app asks for, per prompting mode. Measured with the real tokenizers (bench/prompts.ts): a
 * GIELLM input for the longest of the 5,343 stockmark sentences is 444 LLaMA-2 tokens (median 94); with 256
 * tokens of output that fits 1,024, and 2,048 leaves room for sentences three times longer while halving the
 * KV cache web-llm would reserve for 4,096 (1.6 GB for GIELLM-13B). A prompted prompt with 5 worked examples
 * is at most 599 Qwen2.5 tokens (median 449), but the run's length check must hold for any tokenizer (up to
 * three tokens a character, src/engine/run.ts), and 841 characters of prompt need 2,779 tokens by that
 * bound: prompted models keep web-llm's 4,096.
 */
export const CONTEXT_BY_MODE = { giellm: 2048, prompted: WEBLLM_FIGURE_CONTEXT } as const;

/** Most laptop GPUs give a tab about this much (integrated GPUs share 4–8 GB; 4 GB discrete cards are common). */
export const TYPICAL_GPU_MB = 4096;

/** The attention shape the KV cache follows, from the model's config.json (Hugging Face). */
export interface AttentionShape {
  layers: number;
  kvHeads: number;
  headDim: number;
}

/** KV cache per token: K and V for every layer and KV head; f16 for q4f16 builds, f32 for q4f32 (MLC's KV dtype). */
export function kvMBPerToken(shape: AttentionShape, quantization: string): number {
  const bytes = /f16/.test(quantization) ? 2 : 4;
  return (2 * shape.layers * shape.kvHeads * shape.headDim * bytes) / 2 ** 20;
}

/**
 * GPU memory for a WebLLM model at its context: web-llm's figure (weights, workspace and a 4,096-token KV
 * cache) with the KV cache resized to the context the app asks for, where the model's shape is known.
 */
export function gpuMemoryMB(m: Pick<ModelInfo, 'vramMB' | 'contextWindow' | 'quantization' | 'attention'>): number {
  if (!m.attention || m.vramMB <= 0) return m.vramMB;
  return Math.round(m.vramMB - kvMBPerToken(m.attention, m.quantization) * (WEBLLM_FIGURE_CONTEXT - m.contextWindow));
}

/** The WebGPU limits web-llm 0.2.86 requires before it loads anything (its detectGPUDevice, lib/index.js). */
export const WEBLLM_MIN_LIMITS = {
  maxBufferSize: 1 << 28,
  maxStorageBufferBindingSize: 1 << 27,
  maxComputeWorkgroupStorageSize: 32 << 10,
  maxStorageBuffersPerShaderStage: 10,
} as const;

export type GpuLimits = { [K in keyof typeof WEBLLM_MIN_LIMITS]?: number | null };

/** The limits this adapter falls short of, each with what web-llm asks and what the adapter has. */
export function limitsShort(limits: GpuLimits): { limit: keyof typeof WEBLLM_MIN_LIMITS; need: number; have: number }[] {
  const short: { limit: keyof typeof WEBLLM_MIN_LIMITS; need: number; have: number }[] = [];
  for (const [limit, need] of Object.entries(WEBLLM_MIN_LIMITS) as [keyof typeof WEBLLM_MIN_LIMITS, number][]) {
    const have = limits[limit];
    if (typeof have === 'number' && have < need) short.push({ limit, need, have });
  }
  return short;
}

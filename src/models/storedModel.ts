import { z } from 'zod';
import type { ModelInfo } from './catalog.ts';

// A custom model as saved in the browser: read back only when every field has its type, so a record
// from an older version or a hand-edited localStorage never reaches the engine (or breaks the page).
z.config({ jitless: true });

const StoredModel = z.object({
  id: z.string().min(1).max(300),
  displayName: z.string().max(300),
  mode: z.enum(['giellm', 'prompted']),
  weightsUrl: z.string().min(1),
  libUrl: z.string(),
  quantization: z.string(),
  downloadMB: z.number().nonnegative(),
  vramMB: z.number().nonnegative(),
  needsShaderF16: z.boolean(),
  contextWindow: z.number().int().positive(),
  license: z.string(),
  languages: z.array(z.string()),
  lowResource: z.boolean(),
  notes: z.string().optional(),
  custom: z.boolean().optional(),
  chatOverrides: z.record(z.string(), z.unknown()).optional(),
  modelManifest: z.string().optional(),
  server: z.object({ url: z.string().min(1), model: z.string(), concurrency: z.number().int().min(1).max(64).optional() }).optional(),
  noThinking: z.boolean().optional(),
  noSystemRole: z.boolean().optional(),
  attention: z.object({ layers: z.number().int().positive(), kvHeads: z.number().int().positive(), headDim: z.number().int().positive() }).optional(),
  // A picked file is never saved (modelsStore leaves it out): a saved GGUF model names URLs.
  gguf: z.object({ urls: z.array(z.string().min(1)).min(1), cpuTokensPerS: z.object({ value: z.number().positive(), measured: z.boolean() }).optional() }).optional(),
});

/** The saved custom models that can still be used, and how many could not. */
export function readStoredModels(saved: unknown): { models: ModelInfo[]; refused: number } {
  if (!Array.isArray(saved)) return { models: [], refused: saved === undefined ? 0 : 1 };
  const models: ModelInfo[] = [];
  let refused = 0;
  for (const m of saved) {
    const r = StoredModel.safeParse(m);
    if (r.success && !models.some((x) => x.id === r.data.id)) models.push(r.data as ModelInfo);
    else refused++;
  }
  return { models, refused };
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_ID, MODEL_CATALOG, absoluteUrl, quantizationNeedsF16, validateCustomModel } from './catalog.ts';
import { assessModel, type Capabilities } from './capability.ts';

const GPU: Capabilities = { webgpu: true, adapter: true, shaderF16: true, maxBufferSize: 2 ** 31, adapterDescription: 'test', storageFreeMB: 50_000 };
const model = (id: string) => MODEL_CATALOG.find((m) => m.id === id)!;

describe('model catalog', () => {
  it('has unique ids, the GIELLM models in giellm mode, and a default that runs without shader-f16', () => {
    expect(new Set(MODEL_CATALOG.map((m) => m.id)).size).toBe(MODEL_CATALOG.length);
    expect(MODEL_CATALOG.filter((m) => m.mode === 'giellm').map((m) => m.id)).toEqual(['GIELLM-13B-q4f16_1-MLC', 'GIELLM-13B-jpllm-q4f16_1-MLC']);
    expect(model(DEFAULT_MODEL_ID).needsShaderF16).toBe(false);
    for (const m of MODEL_CATALOG) expect(m.needsShaderF16).toBe(quantizationNeedsF16(m.quantization));
  });

  it('makes relative weights URLs absolute, as WebLLM needs', () => {
    expect(absoluteUrl('/models/x', 'http://127.0.0.1:4173')).toBe('http://127.0.0.1:4173/models/x');
    expect(absoluteUrl('https://huggingface.co/mlc-ai/x', 'http://127.0.0.1:4173')).toBe('https://huggingface.co/mlc-ai/x');
  });

  it('validates custom models field by field', () => {
    const ok = validateCustomModel({ id: 'my-giellm-q4f16_1', weightsUrl: '/models/my-giellm-q4f16_1', libUrl: 'https://example.org/lib.wasm', mode: 'giellm' }, []);
    expect(ok).toMatchObject({ ok: true, model: { needsShaderF16: true, custom: true, contextWindow: 4096 } });
    const bad = validateCustomModel({ id: 'a b', weightsUrl: 'ftp://x', libUrl: '/lib.txt', mode: 'chat', contextWindow: -1 }, []);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual([
      'id: letters, digits, ".", "_" and "-" only (1–128)',
      'weightsUrl: use https://…, a same-origin path (/models/…), or http://localhost',
      'libUrl: the model library is a .wasm file',
      'mode: giellm (the fine-tuned model, raw prompt) or prompted (an instruction model)',
      'quantization: say it (e.g. q4f16_1), or put it in the id',
      'contextWindow: a positive number',
    ]);
    expect(validateCustomModel({ id: DEFAULT_MODEL_ID, weightsUrl: '/m', libUrl: '/m.wasm', mode: 'prompted' }, [DEFAULT_MODEL_ID]).ok).toBe(false);
  });
});

describe('assessModel', () => {
  it('runs where everything is there', () => {
    expect(assessModel(model('GIELLM-13B-q4f16_1-MLC'), GPU)).toEqual({ runnable: true, reasons: [], issues: [] });
  });

  it('says why not: no WebGPU, no adapter, no shader-f16, too little storage', () => {
    const f16 = model('gemma-2-2b-jpn-it-q4f16_1-MLC');
    const f32 = model('gemma-2-2b-jpn-it-q4f32_1-MLC');
    expect(assessModel(f32, { ...GPU, webgpu: false, adapter: false }).reasons[0]).toMatch(/no WebGPU.*Chrome or Edge/);
    expect(assessModel(f32, { ...GPU, adapter: false }).reasons[0]).toMatch(/no GPU adapter/);
    expect(assessModel(f16, { ...GPU, shaderF16: false }).reasons[0]).toMatch(/shader-f16.*pick a q4f32 model/);
    expect(assessModel(f32, { ...GPU, shaderF16: false }).runnable).toBe(true);
    expect(assessModel(f32, { ...GPU, storageFreeMB: 500 }).reasons[0]).toMatch(/needs about 1\.6 GB of storage, and only 0\.5 GB is free/);
    expect(assessModel(f32, { ...GPU, storageFreeMB: 500 }).issues).toEqual([{ code: 'storage', params: { need: '1.6 GB', free: '0.5 GB' } }]);
    expect(assessModel(f32, { ...GPU, storageFreeMB: 500 }, true).runnable).toBe(true); // already cached
    // A frame refused its storage cannot download or load anything, cached or not.
    expect(assessModel(f32, { ...GPU, storageBlocked: true }, true).issues).toEqual([{ code: 'storage-blocked', params: {} }]);
  });
});

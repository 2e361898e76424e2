import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_ID, MODEL_CATALOG, absoluteUrl, engineOf, ggufParts, localGgufModel, quantizationNeedsF16, speedClassOf, validateCustomModel, validateGgufModel } from './catalog.ts';
import { assessModel, cpuThreads, type Capabilities } from './capability.ts';
import { readStoredModels } from './storedModel.ts';

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

  it('reads a same-origin path under the app\'s base, where the build copies public/ (GIELLM_BASE=/giellm/)', () => {
    expect(absoluteUrl('/models/GIELLM-13B-q4f16_1-MLC', 'http://127.0.0.1:4173/giellm/')).toBe('http://127.0.0.1:4173/giellm/models/GIELLM-13B-q4f16_1-MLC');
    expect(absoluteUrl('models/x.gguf', 'http://127.0.0.1:4173/giellm/')).toBe('http://127.0.0.1:4173/giellm/models/x.gguf');
    expect(absoluteUrl('//cdn.example.org/x.wasm', 'http://127.0.0.1:4173/giellm/')).toBe('http://cdn.example.org/x.wasm');
  });

  it('gives a custom GIELLM model the raw LM template with its own BOS and EOS, or leaves its own template alone', () => {
    const base = { id: 'my-giellm-q4f16_1', weightsUrl: '/models/m', libUrl: '/m.wasm', mode: 'giellm' };
    const conv = (r: ReturnType<typeof validateCustomModel>) => (r.ok ? (r.model.chatOverrides?.conv_template as { system_prefix_token_ids: number[]; stop_token_ids: number[] } | undefined) : 'refused');
    expect(conv(validateCustomModel(base, []))).toMatchObject({ name: 'LM', system_prefix_token_ids: [1], stop_token_ids: [2] });
    expect(conv(validateCustomModel({ ...base, bos: 'none', eos: '7' }, []))).toMatchObject({ system_prefix_token_ids: [], stop_token_ids: [7] });
    const own = validateCustomModel({ ...base, template: 'own' }, []);
    expect(own.ok && own.model.chatOverrides).toBeFalsy();
    const bad = validateCustomModel({ ...base, template: 'chatml', bos: '-1', eos: 'x' }, []);
    expect(!bad.ok && bad.errors).toEqual(['template: lm (the raw prompt after BOS) or own (the model’s mlc-chat-config.json template)']);
    const badIds = validateCustomModel({ ...base, bos: '-1', eos: 'x' }, []);
    expect(!badIds.ok && badIds.errors).toEqual(['bos: a token id (a whole number), or none', 'eos: a token id (a whole number)']);
    // A prompted model keeps its own template: nothing is put over it.
    const prompted = validateCustomModel({ ...base, mode: 'prompted' }, []);
    expect(prompted.ok && prompted.model.chatOverrides).toBeFalsy();
  });

  it('keeps the record fields some models need: overrides such as max_history_size, and a model manifest', () => {
    const base = { id: 'Qwen3.5-0.8B-mine-q4f32_1', weightsUrl: 'https://huggingface.co/me/q', libUrl: 'https://huggingface.co/me/q.wasm', mode: 'prompted' };
    const r = validateCustomModel({ ...base, overrides: '{"max_history_size": 1, "sliding_window_size": -1}', modelManifest: 'mlc-model-manifest.json' }, []);
    expect(r).toMatchObject({ ok: true, model: { chatOverrides: { max_history_size: 1, sliding_window_size: -1 }, modelManifest: 'mlc-model-manifest.json' } });
    const bad = validateCustomModel({ ...base, overrides: '{"temperature": 1, "max_history_size": 0.5}', modelManifest: '../x' }, []);
    expect(!bad.ok && bad.errors).toEqual([
      'overrides: temperature is not one of sliding_window_size, attention_sink_size, max_history_size, prefill_chunk_size',
      'overrides: max_history_size is a whole number (-1 for none)',
      'modelManifest: a .json path relative to the weights URL, e.g. mlc-model-manifest.json',
    ]);
    expect(!validateCustomModel({ ...base, overrides: '{oops' }, []).ok).toBe(true);
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

describe('GGUF models (the CPU engine)', () => {
  const cpuModel = MODEL_CATALOG.find((m) => m.id === 'Qwen2.5-0.5B-Instruct-Q4_K_M-GGUF')!;

  it('each record names its engine by its source', () => {
    expect(engineOf(cpuModel)).toBe('wllama');
    expect(engineOf(model(DEFAULT_MODEL_ID))).toBe('webllm');
    expect(engineOf({ server: { url: 'http://127.0.0.1:8080', model: 'x' } })).toBe('server');
    // GIELLM-13B is too large for a browser CPU engine: the catalog has no GGUF record of it.
    expect(MODEL_CATALOG.filter((m) => m.mode === 'giellm').map(engineOf)).toEqual(['webllm', 'webllm']);
    expect([speedClassOf(25), speedClassOf(9), speedClassOf(2)]).toEqual(['fast', 'usable', 'slow']);
  });

  it('finds every part of a split model from its first, as llama.cpp gguf-split names them', () => {
    expect(ggufParts('https://h/m-00001-of-00003.gguf?download=1')).toEqual(['https://h/m-00001-of-00003.gguf?download=1', 'https://h/m-00002-of-00003.gguf?download=1', 'https://h/m-00003-of-00003.gguf?download=1']);
    expect(ggufParts('/models/tiny.gguf')).toEqual(['/models/tiny.gguf']);
  });

  it('validates a GGUF URL field by field, and a picked file by name', () => {
    const ok = validateGgufModel({ url: 'https://huggingface.co/a/b/resolve/main/m-Q4_K_M.gguf', mode: 'giellm' }, []);
    expect(ok).toMatchObject({ ok: true, model: { id: 'gguf:m-Q4_K_M.gguf', quantization: 'Q4_K_M', contextWindow: 2048, gguf: { urls: ['https://huggingface.co/a/b/resolve/main/m-Q4_K_M.gguf'] } } });
    expect(validateGgufModel({ url: 'ftp://x/m.gguf', mode: 'chat', contextWindow: 0 }, [])).toMatchObject({
      ok: false,
      errors: ['url: use https://…, a same-origin path (/models/….gguf), or http://localhost', 'mode: giellm (the fine-tuned model, raw prompt) or prompted (an instruction model)', 'contextWindow: a positive whole number of tokens'],
    });
    expect(validateGgufModel({ url: 'https://h/m.bin', mode: 'giellm' }, []).ok).toBe(false);
    const local = localGgufModel([{ name: 'm-00002-of-00002.gguf', size: 2 ** 20 }, { name: 'm-00001-of-00002.gguf', size: 2 ** 20 }], 'prompted', []);
    expect(local).toMatchObject({ ok: true, model: { id: 'local:m-00001-of-00002.gguf', gguf: { urls: [], local: { names: ['m-00001-of-00002.gguf', 'm-00002-of-00002.gguf'] } }, notes: '2 MB, read from this computer' } });
    expect(localGgufModel([{ name: 'm-00001-of-00002.gguf', size: 1 }], 'giellm', [])).toMatchObject({ ok: false, errors: ['file: m-00001-of-00002.gguf is one part of a split model; also pick m-00002-of-00002.gguf'] });
    expect(localGgufModel([{ name: 'notes.txt', size: 1 }], 'giellm', [])).toMatchObject({ ok: false, errors: ['file: notes.txt is not a .gguf file'] });
  });

  it('a saved GGUF model reads back; one without its URLs does not', () => {
    const ok = validateGgufModel({ url: '/models/tiny.gguf', mode: 'giellm' }, []);
    const saved = ok.ok ? ok.model : null;
    expect(readStoredModels([saved, { ...saved, gguf: { urls: [] } }])).toEqual({ models: [saved], refused: 1 });
  });

  it('needs no GPU, only 64-bit WebAssembly; a picked file needs no storage; threads only when isolated', () => {
    const noGpu: Capabilities = { ...GPU, webgpu: false, adapter: false, wasm: { memory64: true, crossOriginIsolated: false, cores: 8 } };
    expect(assessModel(cpuModel, noGpu).runnable).toBe(true);
    expect(assessModel(model(DEFAULT_MODEL_ID), noGpu).issues.map((i) => i.code)).toEqual(['no-webgpu']);
    expect(assessModel(cpuModel, { ...noGpu, wasm: { memory64: false, crossOriginIsolated: false, cores: 8 } }).issues).toEqual([{ code: 'no-wasm64', params: {} }]);
    expect(assessModel(cpuModel, { ...noGpu, storageFreeMB: 100 }).issues.map((i) => i.code)).toEqual(['storage']);
    const local = localGgufModel([{ name: 'm.gguf', size: 1 }], 'giellm', []);
    expect(local.ok && assessModel(local.model, { ...noGpu, storageFreeMB: 0, storageBlocked: true }).runnable).toBe(true);
    expect(cpuThreads(noGpu)).toBe(1);
    expect(cpuThreads({ wasm: { memory64: true, crossOriginIsolated: true, cores: 8 } })).toBe(4);
  });
});

describe('catalog choices', () => {
  it('Qwen3 and Qwen3.5 run with thinking off and without shader-f16; Gemma 2 gets its instruction in the user turn', () => {
    const qwen3 = MODEL_CATALOG.filter((m) => /^Qwen3/.test(m.id));
    expect(qwen3.map((m) => m.id)).toEqual(['Qwen3-0.6B-q4f32_1-MLC', 'Qwen3-1.7B-q4f32_1-MLC', 'Qwen3-4B-q4f32_1-MLC', 'Qwen3.5-0.8B-q4f32_1-MLC', 'Qwen3.5-2B-q4f32_1-MLC']);
    expect(qwen3.every((m) => m.noThinking && !m.needsShaderF16)).toBe(true);
    expect(MODEL_CATALOG.filter((m) => m.noSystemRole).map((m) => m.id)).toEqual(['gemma-2-2b-jpn-it-q4f16_1-MLC', 'gemma-2-2b-jpn-it-q4f32_1-MLC', 'gemma-2-2b-jpn-it-Q4_K_M-GGUF']);
  });
});

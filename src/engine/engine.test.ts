import { describe, expect, it } from 'vitest';
import { mapEngineError, mapLoadError, mapWllamaError } from './errors.ts';
import { checkGguf } from './preflight.ts';
import { readProgress } from './progress.ts';

describe('mapEngineError', () => {
  it.each([
    ['WebGPUNotAvailableError: WebGPU is not supported in your current environment', 'no-webgpu'],
    ['Error: Unable to find a compatible GPU.', 'no-adapter'],
    ['ShaderF16SupportError: This model requires WebGPU extension shader-f16', 'shader-f16'],
    ['DeviceLostError: The WebGPU device was lost while loading the model.', 'device-lost'],
    ['QuotaExceededError: The quota has been exceeded.', 'quota'],
    ['ContextWindowSizeExceededError: Prompt tokens exceed context window size', 'context-window'],
    ['Error: Failed to fetch', 'network'],
    ['TypeError: NetworkError when attempting to fetch resource.', 'network'],
    ['Error: Cannot fetch https://x/tensor-cache.json err= 404 Not Found', 'not-found'],
    ['SyntaxError: Unexpected token \'<\', "<!doctype "... is not valid JSON', 'bad-file'],
    ['CompileError: WebAssembly.instantiate(): expected magic word 00 61 73 6d', 'library'],
    ['Error: Cannot find global function vm.builtin.paged_attention_kv_cache_create', 'library'],
  ])('%s → %s', (raw, kind) => {
    const f = mapEngineError(raw);
    expect(f.kind).toBe(kind);
    expect(f.message).not.toMatch(/at .*:\d+/);
    expect(f.nextStep.length).toBeGreaterThan(10);
  });

  // The exact words web-llm 0.2.86 throws (its lib/index.js, by class) and Chrome's WebGPU wordings.
  it.each([
    ['DeviceLostError: The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM).', 'device-lost', undefined],
    ['Error: Device is lost', 'device-lost', undefined],
    ['OperationError: GPU device lost: reason destroyed', 'device-lost', undefined],
    ['ModelNotLoadedError: Model not loaded before trying to complete ChatCompletionRequest. Please ensure you have called `MLCEngine.reload(model)` to load the model before initiating chat operations, or initialize your engine using `CreateMLCEngine()` with a valid model configuration.', 'device-lost', 'model-not-loaded'],
    ['WorkerEngineModelNotLoadedError: WebWorkerMLCEngine is not loaded with a model. Did you call `engine.reload()`?', 'device-lost', 'model-not-loaded'],
    ['GrammarMatcherInitError: Failed to initialize the grammar matcher for response format {"type":"grammar"}. Error: …', 'unknown', 'grammar-init'],
    ['FeatureSupportError: This model requires feature shader-f16, which is not yet supported by this browser.', 'shader-f16', undefined],
    ['FeatureSupportError: This model requires feature timestamp-query, which is not yet supported by this browser.', 'no-adapter', 'gpu-feature'],
    ['Error: Cannot initialize runtime because of requested maxBufferSize exceeds limit. requested=256MB, limit=128MB. Consider upgrading your browser.', 'no-adapter', 'gpu-limits'],
    ['WebGPUNotFoundError: Cannot find WebGPU in the environment', 'no-webgpu', undefined],
    ['UnsupportedTokenizerFilesError: Cannot handle tokenizer files vocab.txt', 'bad-file', 'tokenizer-files'],
    ['TypeError: Failed to construct \'URL\': Invalid URL', 'bad-file', 'bad-url'],
    // Not device losses: "OOM" inside another word.
    ['Error: Cannot fetch https://huggingface.co/bigscience/bloomz-560m/resolve/main/x.bin: Failed to fetch', 'network', undefined],
    ['Error: no room left in the zoom buffer', 'unknown', undefined],
  ])('%s → %s (%s)', (raw, kind, code) => {
    const f = mapEngineError(raw);
    expect([f.kind, f.code]).toEqual([kind, code]);
  });

  it('reads Error objects and unknown values without throwing', () => {
    expect(mapEngineError(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(mapEngineError({ weird: true }).kind).toBe('unknown');
    expect(mapEngineError(undefined).kind).toBe('unknown');
  });
});

describe('mapLoadError', () => {
  it('blames the library for an unnamed error before any weights arrive, and only then', () => {
    const raw = "TypeError: Cannot read properties of undefined (reading 'buffer')";
    expect(mapLoadError(raw, 'config', 'http://h/lib.wasm')).toMatchObject({ kind: 'library', message: expect.stringContaining('http://h/lib.wasm') });
    expect(mapLoadError(raw, 'fetch', 'http://h/lib.wasm').kind).toBe('unknown');
    expect(mapLoadError('Error: Failed to fetch', 'config', 'x').kind).toBe('network');
  });
});

describe('readProgress', () => {
  it('derives the phase, shards, megabytes and an ETA from WebLLM’s text', () => {
    const fetch = readProgress({ progress: 0.25, timeElapsed: 10, text: 'Fetching param cache[3/12]: 512MB fetched. 25% completed, 10 secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.' });
    expect(fetch).toMatchObject({ phase: 'fetch', fraction: 0.25, mb: 512, shard: { done: 3, total: 12 }, elapsedS: 10, etaS: 30 });
    expect(readProgress({ progress: 0.5, timeElapsed: 2, text: 'Loading model from cache[6/12]: 1024MB loaded. 50% completed, 2 secs elapsed.' }).phase).toBe('cache');
    expect(readProgress({ progress: 0.1, timeElapsed: 3, text: 'Loading GPU shader modules[3/30]: 10% completed, 3 secs elapsed.' }).phase).toBe('shaders');
    expect(readProgress({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' }).phase).toBe('fetch');
    expect(readProgress({ progress: 1, timeElapsed: 9, text: 'Finish loading on WebGPU - swiftshader' }).phase).toBe('ready');
  });

  it('a download resumed with 60% in the cache: the bar never goes back below 60%, the ETA is from this load’s bytes', () => {
    // web-llm counts the cached shards as fetched again, from 0 (its fetchTensorCache).
    const start = readProgress({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' }, 0.6);
    expect(start).toMatchObject({ phase: 'fetch', fraction: 0.6, etaS: null });
    // 70% after 10 s: 10% of the weights came from the network in 10 s, 30% are left: 30 s, not 4.
    const later = readProgress({ progress: 0.7, timeElapsed: 10, text: 'Fetching param cache[7/10]: 700MB fetched. 70% completed, 10 secs elapsed.' }, 0.6);
    expect(later).toMatchObject({ fraction: 0.7, etaS: 30 });
    // Loading onto the GPU afterwards starts its own bar at 0, as before.
    expect(readProgress({ progress: 0.1, timeElapsed: 1, text: 'Loading model from cache[1/10]: 100MB loaded. 10% completed, 1 secs elapsed.' }, 0.6).fraction).toBe(0.1);
  });
});

describe('mapWllamaError', () => {
  it('words the CPU engine’s failures by what went wrong', () => {
    expect(mapWllamaError('Error: Failed to fetch http://h/m.gguf: HTTP 404')).toMatchObject({ kind: 'not-found', code: 'gguf-not-found', params: { url: 'http://h/m.gguf' } });
    expect(mapWllamaError('Error: Failed to fetch http://h/m.gguf: HTTP 503')).toMatchObject({ kind: 'network', code: 'http-status', params: { status: '503' } });
    expect(mapWllamaError('WllamaError(load_error): llama_model_load: error loading model: invalid magic')).toMatchObject({ kind: 'bad-file', code: 'gguf-invalid' });
    expect(mapWllamaError('RuntimeError: Aborted(OOM)')).toMatchObject({ kind: 'memory', code: 'cpu-memory' });
    expect(mapWllamaError('WllamaError(kv_cache_full): the context is full')).toMatchObject({ kind: 'context-window' });
    expect(mapWllamaError('WllamaError(version_mismatch): wasm file version')).toMatchObject({ code: 'wllama-version' });
    // Not the engine's own: the common rules (a quota error of wllama's OPFS cache).
    expect(mapWllamaError('QuotaExceededError: the quota has been exceeded')).toMatchObject({ kind: 'quota' });
  });

  it('a GGUF file is told from a web page and a 404 by its first bytes', () => {
    const probe = (status: number, body: string, contentType = 'application/octet-stream') => ({ url: 'http://h/m.gguf', status, contentType, head: new TextEncoder().encode(body) });
    expect(checkGguf(probe(200, 'GGUF\x03'))).toBeNull();
    expect(checkGguf(probe(404, ''))).toMatchObject({ code: 'gguf-not-found' });
    expect(checkGguf(probe(200, '<!doctype html>', 'text/html'))).toMatchObject({ code: 'gguf-web-page' });
    expect(checkGguf(probe(200, 'PK\x03\x04'))).toMatchObject({ code: 'gguf-invalid' });
  });
});

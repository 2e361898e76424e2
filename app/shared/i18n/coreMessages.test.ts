// @vitest-environment happy-dom
import { afterAll, describe, expect, it } from 'vitest';
import { assessModel, checkConfig, checkGguf, checkLibrary, mapEngineError, mapLoadError, mapWllamaError, MODEL_CATALOG, type EngineFailure } from '../../../src/index.ts';
import { setLanguage } from './i18n.ts';
import { localizeFailure, localizeIssue } from './coreMessages.ts';
import { coreJa } from './core.ja.ts';

const probe = (status: number, body: string, contentType = 'application/json') => ({ url: 'https://h/x', status, contentType, head: new TextEncoder().encode(body) });
/** One failure of every code the core and the app's engine produce. */
const failures: EngineFailure[] = [
  ...['WebGPUNotAvailable', 'no adapter', 'shader-f16', 'DeviceLost', 'QuotaExceededError', 'ContextWindowSizeExceeded', 'status 404', 'Unexpected token \'<\'', 'CompileError', 'Failed to fetch', '???'].map(mapEngineError),
  mapLoadError('???', 'config', 'https://h/lib.wasm'),
  checkConfig(probe(404, ''))!,
  checkLibrary(probe(404, ''))!,
  checkConfig(probe(500, ''))!,
  checkConfig(probe(200, '<!doctype html>', 'text/html'))!,
  checkLibrary(probe(200, '<!doctype html>', 'text/html'))!,
  checkConfig(probe(200, '{'))!,
  checkConfig(probe(200, '{}'))!,
  checkLibrary(probe(200, 'nope'))!,
  ...['ModelNotLoadedError: x', 'GrammarMatcherInitError: x', 'UnsupportedTokenizerFilesError: x', 'IntegrityError: x', 'FeatureSupportError: This model requires feature timestamp-query, which is not yet supported by this browser.', 'requested maxBufferSize exceeds limit', 'TypeError: Invalid URL'].map(mapEngineError),
  ...['Failed to fetch http://h/m.gguf: HTTP 404', 'invalid magic', 'Aborted(OOM)', 'version_mismatch'].map(mapWllamaError),
  { kind: 'memory', message: 'm', nextStep: 'n' },
  checkGguf(probe(200, '<!doctype html>', 'text/html'))!,
  checkGguf(probe(200, 'nope'))!,
];

describe('core messages in the UI language', () => {
  afterAll(() => setLanguage('en'));

  it('every failure code has Japanese, with its variable parts filled in', () => {
    setLanguage('ja');
    for (const f of failures) {
      const code = f.code ?? f.kind;
      expect(coreJa.failure, code).toHaveProperty([code]);
      const ja = localizeFailure(f);
      expect(ja.message, code).not.toBe(f.message);
      expect(ja.message + ja.nextStep, code).not.toMatch(/\{\{/);
    }
    expect(localizeFailure(checkLibrary(probe(200, 'nope'))!).message).toBe('https://h/x のモデルライブラリはWebAssemblyのファイルではありません。');
  });

  it('capability issues read in Japanese, and in English as the core words them', () => {
    const model = MODEL_CATALOG.find((m) => m.needsShaderF16)!;
    const v = assessModel(model, { webgpu: true, adapter: true, shaderF16: false, maxBufferSize: null, adapterDescription: null, storageFreeMB: 100 });
    setLanguage('ja');
    expect(v.issues.map((issue, i) => localizeIssue(issue, v.reasons[i]!))).toEqual([
      `このGPUは ${model.quantization} に必要な16ビットシェーダ（shader-f16）に対応していません。q4f32のモデルを選んでください。`,
      expect.stringMatching(/^ダウンロードには約[\d.]+ GBの保存領域が必要ですが、このサイトに使えるのは0\.1 GBだけです。/),
    ]);
    setLanguage('en');
    expect(v.issues.map((issue, i) => localizeIssue(issue, v.reasons[i]!))).toEqual(v.reasons);
    expect(localizeFailure(failures[0]!)).toEqual({ message: failures[0]!.message, nextStep: failures[0]!.nextStep });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeCapabilities, requestPersistentStorage } from './capabilities.ts';
import { Engine } from './engine.ts';
import { MODEL_CATALOG } from '../../../src/index.ts';

afterEach(() => vi.unstubAllGlobals());

const adapter = { features: new Set(['shader-f16']), limits: { maxBufferSize: 2 ** 31 }, info: { vendor: 'nvidia', architecture: 'ada', description: '' } };

describe('the capability probe', () => {
  it('asks for the adapter web-llm will use (powerPreference "high-performance"), not the default one', async () => {
    const asked: unknown[] = [];
    vi.stubGlobal('navigator', { gpu: { requestAdapter: async (o: unknown) => (asked.push(o), adapter) }, storage: { estimate: async () => ({ quota: 2 ** 30, usage: 0 }) }, hardwareConcurrency: 4 });
    const caps = await probeCapabilities();
    expect(asked).toEqual([{ powerPreference: 'high-performance' }]);
    expect(caps).toMatchObject({ webgpu: true, adapter: true, shaderF16: true, adapterDescription: 'nvidia ada', storageFreeMB: 1024 });
  });
});

describe('persistent storage', () => {
  it('says whether the browser granted it, before a large download, and never throws', async () => {
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist: async () => false } });
    expect(await requestPersistentStorage()).toBe(false);
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist: async () => true } });
    expect(await requestPersistentStorage()).toBe(true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => Promise.reject(new Error('SecurityError')) } });
    expect(await requestPersistentStorage()).toBe(false);
  });

  it('the engine keeps the answer for the model panel: refused is shown, small models do not ask', async () => {
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist: async () => false } });
    const backend = { name: 's', load: async () => undefined, generate: async () => ({ text: '', finishReason: 'stop' as const, usage: null }), interrupt: () => undefined, unload: async () => undefined, dispose: () => undefined, onCrash: () => undefined };
    const e = new Engine(async () => backend, async () => null);
    await e.loadModel(MODEL_CATALOG.find((m) => m.id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC')!);
    expect(e.store.getState().storagePersisted).toBeNull();
    await e.loadModel(MODEL_CATALOG.find((m) => m.id === 'Qwen2.5-7B-Instruct-q4f16_1-MLC')!);
    expect(e.store.getState()).toMatchObject({ status: 'ready', storagePersisted: false });
  });
});

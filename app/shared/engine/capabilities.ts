import type { Capabilities } from '../../../src/index.ts';

interface GpuAdapterLike {
  features: { has(name: string): boolean };
  limits: { maxBufferSize: number; maxStorageBufferBindingSize?: number; maxComputeWorkgroupStorageSize?: number; maxStorageBuffersPerShaderStage?: number };
  info?: { vendor?: string; architecture?: string; description?: string };
}

/** Looks at WebGPU and storage before any download: nothing here fetches a model. */
export async function probeCapabilities(): Promise<Capabilities> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(opts?: { powerPreference?: string }): Promise<GpuAdapterLike | null> } }).gpu;
  let adapter: GpuAdapterLike | null = null;
  if (gpu) {
    try {
      // The adapter web-llm itself will take (its detectGPUDevice asks for "high-performance", lib/index.js):
      // on a laptop with two GPUs the integrated one may lack shader-f16 or memory the discrete one has.
      adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    } catch {
      adapter = null;
    }
  }
  let storageFreeMB: number | null = null;
  try {
    const est = await navigator.storage?.estimate?.();
    if (est?.quota !== undefined) storageFreeMB = Math.max(0, ((est.quota ?? 0) - (est.usage ?? 0)) / (1024 * 1024));
  } catch {
    storageFreeMB = null;
  }
  const info = adapter?.info;
  const storageBlocked = await cacheStorageRefused();
  return {
    webgpu: Boolean(gpu),
    adapter: adapter !== null,
    shaderF16: adapter?.features.has('shader-f16') ?? false,
    maxBufferSize: adapter?.limits.maxBufferSize ?? null,
    ...(adapter
      ? { limits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize ?? null, maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize ?? null, maxStorageBuffersPerShaderStage: adapter.limits.maxStorageBuffersPerShaderStage ?? null } }
      : {}),
    adapterDescription: info ? [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || null : null,
    storageFreeMB,
    ...(storageBlocked ? { storageBlocked } : {}),
    wasm: wasmCapabilities(),
  };
}

/** What the CPU engine has here: 64-bit WebAssembly, cross-origin isolation (threads), and the cores. */
export const wasmCapabilities = (): NonNullable<Capabilities['wasm']> => ({ memory64: hasMemory64(), crossOriginIsolated: globalThis.crossOriginIsolated === true, cores: navigator.hardwareConcurrency || 1 });

/** A module that declares one 64-bit memory (the memory64 proposal's limits flag 0x04): validates only where wasm64 runs. */
const MEMORY64_PROBE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x04, 0x01]);

function hasMemory64(): boolean {
  try {
    return WebAssembly.validate(MEMORY64_PROBE);
  } catch {
    return false;
  }
}

/** Whether Cache Storage (where WebLLM keeps weights) is refused to this page, as in a blocked third-party frame. */
async function cacheStorageRefused(): Promise<boolean> {
  try {
    if (typeof caches === 'undefined') return true;
    await caches.has('giellm-probe');
    return false;
  } catch {
    return true;
  }
}

/**
 * Asks the browser not to evict a multi-gigabyte download under storage pressure. Chrome grants it without a
 * prompt by its own measure of engagement and may say no: the answer is shown, never dropped.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

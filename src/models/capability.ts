import { engineOf, type ModelInfo } from './catalog.ts';
import { limitsShort, type GpuLimits } from './memoryBudget.ts';

/** What the page found out about this browser and GPU before any download. */
export interface Capabilities {
  webgpu: boolean;
  adapter: boolean;
  shaderF16: boolean;
  maxBufferSize: number | null;
  /** The adapter's other limits web-llm checks before it loads (memoryBudget.ts: WEBLLM_MIN_LIMITS); absent when not probed. */
  limits?: GpuLimits;
  adapterDescription: string | null;
  /** Free storage for this origin, from navigator.storage.estimate(); null when unknown. */
  storageFreeMB: number | null;
  /**
   * The browser refuses this page its storage (Cache Storage throws SecurityError): a frame on another
   * site with third-party storage blocked, an opaque-origin sandbox. No model can be downloaded then.
   */
  storageBlocked?: boolean;
  /**
   * What wllama (the CPU engine) needs of WebAssembly: 64-bit memory (its build is wasm64), and whether
   * the page is cross-origin isolated (threads need SharedArrayBuffer; without it wllama runs one thread).
   * Absent when not probed (the CLI).
   */
  wasm?: { memory64: boolean; crossOriginIsolated: boolean; cores: number };
}

/** Why a model cannot run here, as a code with its variable parts, for a UI to word in its own language. */
export interface CapabilityIssue {
  code: 'no-webgpu' | 'no-adapter' | 'shader-f16' | 'gpu-limits' | 'storage' | 'storage-blocked' | 'no-wasm64';
  params: Record<string, string>;
}

export interface Assessment {
  runnable: boolean;
  /** The reasons in English (the CLI's words), one per issue. */
  reasons: string[];
  issues: CapabilityIssue[];
}

const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;
/** A limit in the unit it is usually quoted in: MB for buffers, KB for workgroup storage, a count otherwise. */
const size = (n: number) => (n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : String(n));

/** Whether a model can run here, and if not, why, in words a user can act on. */
export function assessModel(model: ModelInfo, caps: Capabilities, cached = false): Assessment {
  const reasons: string[] = [];
  const issues: CapabilityIssue[] = [];
  // A server model runs on the server: the browser needs no GPU and no storage for it.
  if (model.server) return { runnable: true, reasons, issues };
  const local = Boolean(model.gguf?.local);
  if (engineOf(model) === 'wllama') {
    if (caps.wasm && !caps.wasm.memory64) {
      issues.push({ code: 'no-wasm64', params: {} });
      reasons.push("This browser's WebAssembly has no 64-bit memory, which the CPU engine (wllama) needs: use Chrome or Edge 133+, or Firefox 134+; or use an inference server.");
    }
  } else if (!caps.webgpu) {
    issues.push({ code: 'no-webgpu', params: {} });
    reasons.push('This browser has no WebGPU. Use a recent Chrome or Edge (113+) on desktop, or Safari 26+; in Firefox, enable WebGPU (dom.webgpu.enabled).');
  } else if (!caps.adapter) {
    issues.push({ code: 'no-adapter', params: {} });
    reasons.push('WebGPU is there but no GPU adapter was found: update the GPU driver, or enable hardware acceleration in the browser settings.');
  } else if (model.needsShaderF16 && !caps.shaderF16) {
    issues.push({ code: 'shader-f16', params: { quantization: model.quantization } });
    reasons.push(`This GPU does not support 16-bit shaders (shader-f16), which ${model.quantization} needs: pick a q4f32 model instead.`);
  }
  const short = engineOf(model) === 'webllm' && caps.adapter ? limitsShort({ maxBufferSize: caps.maxBufferSize, ...caps.limits }) : [];
  if (short.length) {
    const words = short.map((s) => `${s.limit} ${size(s.have)} (needs ${size(s.need)})`).join(', ');
    issues.push({ code: 'gpu-limits', params: { limits: words } });
    reasons.push(`This GPU's limits are below what WebLLM needs to start: ${words}. Update the browser and the GPU driver, or use the CPU engine or an inference server.`);
  }
  if (local) {
    // A picked file is read in place: nothing is downloaded or stored.
  } else if (caps.storageBlocked) {
    issues.push({ code: 'storage-blocked', params: {} });
    reasons.push('The browser does not let this page store anything (a frame on another site with third-party storage blocked, or a sandboxed frame): models cannot be downloaded here. Open GIELLM Web in its own tab, or use an inference server.');
  } else if (!cached && caps.storageFreeMB !== null && model.downloadMB > 0 && model.downloadMB > caps.storageFreeMB) {
    issues.push({ code: 'storage', params: { need: gb(model.downloadMB), free: gb(caps.storageFreeMB) } });
    reasons.push(`The download needs about ${gb(model.downloadMB)} of storage, and only ${gb(caps.storageFreeMB)} is free for this site: free space, or pick a smaller model.`);
  }
  return { runnable: reasons.length === 0, reasons, issues };
}

/** How many threads the CPU engine gets here: half the cores when the page is cross-origin isolated, else one. */
export function cpuThreads(caps: Pick<Capabilities, 'wasm'>): number {
  if (!caps.wasm?.crossOriginIsolated) return 1;
  return Math.max(1, Math.floor(caps.wasm.cores / 2));
}

import { absoluteUrl, cpuThreads, type ModelInfo } from '../../../src/index.ts';
import type { InitProgress } from '../../../src/engine/progress.ts';
import type { GenerateResult, LlmBackend } from './llmBackend.ts';
import { pickedFilesOf } from './pickedFiles.ts';
import { wasmCapabilities } from './capabilities.ts';
import type { FromWllamaWorker, ToWllamaWorker, WllamaLoaded } from './wllamaProtocol.ts';
import { appBase } from '../appBase.ts';
import { watchWorkerCrash } from './workerCrash.ts';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onText?: (t: string) => void;
  onProgress?: (p: InitProgress) => void;
}

/** WebLLM-style progress text (src/engine/progress.ts reads the phase from it), for the one load bar. */
function progressReport(phase: 'fetch' | 'cache' | 'load', loaded: number, total: number, startedAt: number): InitProgress {
  const secs = Math.round((performance.now() - startedAt) / 1000);
  const mb = Math.round(loaded / (1024 * 1024));
  const fraction = total > 0 ? loaded / total : 0;
  const text =
    phase === 'fetch'
      ? `Fetching param cache: ${mb}MB fetched. ${Math.round(fraction * 100)}% completed, ${secs} secs elapsed.`
      : phase === 'cache'
        ? `Loading model from cache: ${mb}MB loaded. ${Math.round(fraction * 100)}% completed, ${secs} secs elapsed.`
        : `Loading model from file: ${secs} secs elapsed.`;
  return { progress: fraction, timeElapsed: secs, text };
}

/**
 * The CPU engine (wllama, GGUF) behind the seam: one module worker per backend, a typed protocol
 * (wllamaProtocol.ts). `onInfo` hears how it runs (threads, template, where the weights came from).
 */
export function createWllamaBackend(onInfo: (info: WllamaLoaded) => void = () => undefined): LlmBackend {
  const worker = new Worker(new URL('./wllamaWorker.ts', import.meta.url), { type: 'module', name: 'giellm-wllama' });
  const crash = watchWorkerCrash(worker, 'the CPU engine worker stopped');
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.addEventListener('message', (event: MessageEvent<FromWllamaWorker>) => {
    const m = event.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'text') p.onText?.(m.text);
    else if (m.type === 'progress') p.onProgress?.(progressReport(m.phase, m.loaded, m.total, startedAt));
    else {
      pending.delete(m.id);
      if (m.type === 'error') p.reject(new Error(m.error));
      else p.resolve(m.type === 'loaded' ? m.info : m.type === 'done' ? m.result : undefined);
    }
  });
  let startedAt = 0;
  const call = <T,>(msg: ToWllamaWorker & { id: number }, hooks: Omit<Pending, 'resolve' | 'reject'> = {}) =>
    new Promise<T>((resolve, reject) => {
      pending.set(msg.id, { resolve: resolve as (v: unknown) => void, reject, ...hooks });
      worker.postMessage(msg);
    });

  return {
    name: 'wllama',
    async load(model: ModelInfo, onProgress) {
      if (!model.gguf) throw new Error(`${model.id} is not a GGUF model`);
      const files = model.gguf.local ? pickedFilesOf(model.id) : [];
      if (!files) throw new Error(`NotFoundError: the file ${model.gguf.local!.names.join(', ')} was picked before this page was reloaded; pick it again`);
      const urls = model.gguf.urls.map((u) => absoluteUrl(u, appBase()));
      startedAt = performance.now();
      onProgress({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' });
      const info = await call<WllamaLoaded>(
        {
          type: 'load',
          id: nextId++,
          urls,
          files,
          contextWindow: model.contextWindow,
          threads: cpuThreads({ wasm: wasmCapabilities() }),
          allow: urls,
        },
        { onProgress },
      );
      onInfo(info);
      onProgress({ progress: 1, timeElapsed: Math.round((performance.now() - startedAt) / 1000), text: 'Finish loading' });
    },
    generate(req, onText) {
      return call<GenerateResult>({ type: 'generate', id: nextId++, prompt: req.prompt, messages: req.messages, grammar: req.grammar, maxTokens: req.maxTokens, stop: req.stop }, { onText });
    },
    interrupt: () => worker.postMessage({ type: 'interrupt' } satisfies ToWllamaWorker),
    unload: () => call<void>({ type: 'unload', id: nextId++ }),
    dispose: () => {
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error('BackendGone: the CPU engine was stopped'));
      pending.clear();
    },
    onCrash: crash.onCrash,
  };
}

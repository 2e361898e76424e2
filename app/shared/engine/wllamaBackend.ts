import { absoluteUrl, cpuThreads, type ModelInfo } from '../../../src/index.ts';
import type { InitProgress } from '../../../src/engine/progress.ts';
import type { GenerateResult, LlmBackend } from './llmBackend.ts';
import { pickedFilesOf } from './pickedFiles.ts';
import { wasmCapabilities } from './capabilities.ts';
import type { FromWllamaWorker, ToWllamaWorker, WllamaLoaded } from './wllamaProtocol.ts';
import { appBase } from '../appBase.ts';
import { workerCalls, workerLifecycle } from './workerCalls.ts';

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
  let startedAt = 0;
  const calls = workerCalls<ToWllamaWorker, FromWllamaWorker>(worker, (m) => progressReport(m.phase, m.loaded, m.total, startedAt));

  return {
    name: 'wllama',
    async load(model: ModelInfo, onProgress) {
      if (!model.gguf) throw new Error(`${model.id} is not a GGUF model`);
      const files = model.gguf.local ? pickedFilesOf(model.id) : [];
      if (!files) throw new Error(`NotFoundError: the file ${model.gguf.local!.names.join(', ')} was picked before this page was reloaded; pick it again`);
      const urls = model.gguf.urls.map((u) => absoluteUrl(u, appBase()));
      startedAt = performance.now();
      onProgress({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' });
      const info = await calls.call<WllamaLoaded>(
        {
          type: 'load',
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
      return calls.call<GenerateResult>({ type: 'generate', prompt: req.prompt, messages: req.messages, grammar: req.grammar, maxTokens: req.maxTokens, stop: req.stop }, { onText });
    },
    ...workerLifecycle(worker, calls, { crashed: 'the CPU engine worker stopped', stopped: 'BackendGone: the CPU engine was stopped' }),
  };
}

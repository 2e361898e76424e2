import { detectServer, grammarNote, modelKnown, serverGenerate, ServerError, type ServerConfig, type ServerInfo } from '../../../src/engine/server.ts';
import type { LlmBackend } from './llmBackend.ts';
import { buildAllows } from './buildHosts.ts';

/** Whether the page may connect to a server URL; the CSP would block it silently otherwise. */
export const serverAllowed = (url: string, allowed?: readonly string[]) => /^https?:\/\//.test(url) && buildAllows(url, allowed);

/**
 * An OpenAI-compatible server as the engine (src/engine/server.ts): "loading" is finding the server and
 * its kind; Stop aborts the request in flight. Nothing runs in a worker: the page only streams text.
 */
export function createServerBackend(apiKey: () => string | undefined, onInfo: (info: ServerInfo, note: string) => void, concurrency = 4): LlmBackend {
  let cfg: ServerConfig | null = null;
  let info: ServerInfo | null = null;
  // One controller per request in flight: a batch runs several at once, and Stop ends them all.
  const inFlight = new Set<AbortController>();
  const abortAll = () => inFlight.forEach((c) => c.abort());
  return {
    name: 'server',
    concurrency,
    async load(model, onProgress) {
      if (!model.server) throw new ServerError('unreachable', `${model.id} is not a server model`);
      const origin = new URL(model.server.url).origin;
      // Only a build carries the CSP (the dev server has none).
      if (import.meta.env.PROD && !serverAllowed(model.server.url)) throw new ServerError('blocked', `This build's Content-Security-Policy does not allow connecting to ${origin}: rebuild with GIELLM_MODEL_HOSTS="${origin}" (loopback addresses are always allowed).`, { origin });
      cfg = { url: model.server.url, model: model.server.model, mode: model.mode, apiKey: apiKey() };
      onProgress({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' });
      info = await detectServer(cfg);
      if (modelKnown(info, cfg.model) === 'no') {
        throw new ServerError('unknown-model', `The server has no model named "${cfg.model}"; it lists ${info.models.join(', ')}.`, { model: cfg.model });
      }
      onInfo(info, grammarNote(info));
      onProgress({ progress: 1, timeElapsed: 0, text: 'Finish loading' });
    },
    async generate(req, onText) {
      if (!cfg || !info) throw new ServerError('unreachable', 'No server is connected.');
      const controller = new AbortController();
      inFlight.add(controller);
      try {
        return await serverGenerate(cfg, info, () => controller.signal)(req, onText);
      } finally {
        inFlight.delete(controller);
      }
    },
    interrupt: abortAll,
    unload: async () => {
      abortAll();
      cfg = null;
      info = null;
    },
    dispose: abortAll,
    onCrash: () => undefined,
  };
}

import { extract, shiftOffsets, type FormatProfile } from '../../../src/index.ts';
import { EMBED_API_VERSION, allowedOrigins, isAllowedOrigin, mergeExtractions, readHostMessage, type ExtractRequest } from '../../../src/embed/protocol.ts';
import { engine } from '../../shared/engine/engine.ts';
import { useProfileStore } from '../profile/profileStore.ts';
import { useInputStore } from '../workspace/inputStore.ts';
import { useRunStore } from '../workspace/runStore.ts';

type Reply = Record<string, unknown> & { type: string };

/**
 * The iframe side of the embed API (see README: Embedding). Only the parent window, and only from an
 * allowed origin, is listened to and answered; everything else is ignored without a reply.
 */
export function startEmbedBridge(originsParam: string | null): () => void {
  const allowed = allowedOrigins(originsParam, import.meta.env.VITE_EMBED_ORIGINS ?? '');
  const parent = window.parent;
  if (parent === window) return () => undefined;
  const sendAll = (msg: Reply) => {
    for (const origin of allowed) parent.postMessage(msg, origin);
  };

  const profileFor = (req: ExtractRequest): FormatProfile => {
    const p = useProfileStore.getState().profile;
    return req.labels ? { ...p, categories: { ...p.categories, [req.task]: req.labels } } : p;
  };

  async function handle(req: ExtractRequest, reply: (m: Reply) => void) {
    const profile = profileFor(req);
    useInputStore.setState({ text: req.text, task: req.task, output: req.output ?? '', credit: null });
    if (req.output !== undefined) {
      useRunStore.getState().setRuns([]);
      reply({ type: 'giellm:result', id: req.id, result: extract(req.output, req.task, profile, req.text) });
      return;
    }
    if (engine.store.getState().status !== 'ready') {
      reply({ type: 'giellm:error', id: req.id, message: 'No model is loaded in this frame: load one in it, or send the model output as "output".' });
      return;
    }
    const runs = await engine.run(req.text, { task: req.task, profile, examples: useRunStore.getState().examples, grammar: { spans: 'substring', tupleArgs: 'free' }, maxTokens: 256 }, (rs) => {
      useRunStore.getState().setRuns(rs);
      reply({ type: 'giellm:progress', id: req.id, done: rs.filter((r) => r.status !== 'waiting' && r.status !== 'running').length, total: rs.length });
    });
    const parts = runs.flatMap((r) => (r.extraction ? [shiftOffsets(r.extraction, r.sentence.start)] : []));
    reply({ type: 'giellm:result', id: req.id, result: mergeExtractions(req.task, parts) });
  }

  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent || !isAllowedOrigin(e.origin, allowed)) return;
    const msg = readHostMessage(e.data);
    if (msg === null) return;
    const reply = (m: Reply) => parent.postMessage(m, e.origin);
    if (!msg.ok) {
      reply({ type: 'giellm:error', id: msg.id, message: msg.message });
      return;
    }
    handle(msg.request, reply).catch((err: unknown) => reply({ type: 'giellm:error', id: msg.request.id, message: err instanceof Error ? err.message : String(err) }));
  };
  window.addEventListener('message', onMessage);

  // The host sizes the frame from these.
  let lastHeight = 0;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== lastHeight) {
      lastHeight = height;
      sendAll({ type: 'giellm:resize', height });
    }
  });
  observer.observe(document.body);

  sendAll({ type: 'giellm:ready', version: EMBED_API_VERSION });
  return () => {
    window.removeEventListener('message', onMessage);
    observer.disconnect();
  };
}

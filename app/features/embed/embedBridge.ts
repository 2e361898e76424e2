import { EMBED_API_VERSION, MAX_QUEUED, allowedOrigins, isAllowedOrigin, readHostMessage, type ExtractRequest } from '../../../src/embed/protocol.ts';

export type EmbedReply = Record<string, unknown> & { type: string };
type Reply = EmbedReply;

/** Answers one well-formed request (composed at the app level: it runs in the workspace). */
export type EmbedHandler = (req: ExtractRequest, reply: (m: EmbedReply) => void, origin: string) => Promise<void>;

/**
 * The iframe side of the embed API (see README: Embedding). Only the parent window, and only from an
 * allowed origin, is listened to and answered; everything else is ignored without a reply.
 */
export function startEmbedBridge(originsParam: string | null, handle: EmbedHandler): () => void {
  const allowed = allowedOrigins(originsParam, import.meta.env.VITE_EMBED_ORIGINS ?? '');
  const parent = window.parent;
  if (parent === window) return () => undefined;
  const sendAll = (msg: Reply) => {
    for (const origin of allowed) parent.postMessage(msg, origin);
  };

  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent || !isAllowedOrigin(e.origin, allowed)) return;
    const msg = readHostMessage(e.data);
    if (msg === null) return;
    const reply = (m: Reply) => parent.postMessage(m, e.origin);
    if (!msg.ok) {
      reply({ type: 'giellm:error', id: msg.id, message: msg.message });
      return;
    }
    // One request at a time, in the order sent: each is answered with its own text and a loaded model is
    // never asked twice at once. A host that floods the frame is told it is busy.
    if (queued >= MAX_QUEUED) return reply({ type: 'giellm:error', id: msg.request.id, message: `busy: ${queued} requests are waiting; send the next after an answer` });
    queued++;
    const { request } = msg;
    const origin = e.origin;
    chain = chain
      .then(() => handle(request, reply, origin))
      .catch((err: unknown) => reply({ type: 'giellm:error', id: request.id, message: err instanceof Error ? err.message : String(err) }))
      .finally(() => queued--);
  };
  let chain: Promise<void> = Promise.resolve();
  let queued = 0;
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

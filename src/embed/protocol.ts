import { z } from 'zod';
import { TASK_IDS } from '../format/taskCatalog.ts';
import type { LocatedExtraction, TaskId } from '../domain/types.ts';
import { mergedNotices } from '../format/warnings.ts';

// The app's CSP forbids eval: keep zod from probing for it (the probe alone is reported as a violation).
z.config({ jitless: true });

/** Bumped when a message changes incompatibly; hosts read it from giellm:ready. */
export const EMBED_API_VERSION = 1;

/**
 * The largest text and output an extract request may carry (UTF-16 characters), and the most word-level
 * items an output may hold. Finding an item's string costs one scan of the text per distinct string
 * (src/text/textIndex.ts), so these bound the work a host can ask of the frame: at the limits, under a second
 * (bench/embed.ts measures the worst case).
 */
export const MAX_TEXT = 100_000;
export const MAX_OUTPUT = 200_000;
export const MAX_ITEMS = 2_000;
/** Requests waiting behind the one being answered; more are answered "busy". */
export const MAX_QUEUED = 32;

const ExtractRequest = z.object({
  type: z.literal('giellm:extract'),
  id: z.union([z.string().max(200), z.number()]),
  text: z.string().max(MAX_TEXT),
  task: z.enum(TASK_IDS as [TaskId, ...TaskId[]]),
  labels: z.array(z.string().min(1).max(100).regex(/^[^:;<>\n：；＜＞]+$/, 'labels cannot contain : ; < > or line breaks')).min(1).max(100).optional(),
  output: z.string().max(MAX_OUTPUT).optional(),
});

export type ExtractRequest = z.infer<typeof ExtractRequest>;

export type HostMessage = { ok: true; request: ExtractRequest } | { ok: false; id: string | number | null; message: string };

/**
 * Reads a message from the host page. Messages that are not ours (no `giellm:` type) are null, to be
 * ignored; ours that are malformed come back with a message naming what is wrong.
 */
export function readHostMessage(data: unknown): HostMessage | null {
  if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') return null;
  const type = (data as { type: string }).type;
  if (!type.startsWith('giellm:')) return null;
  const rawId = (data as { id?: unknown }).id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  if (type !== 'giellm:extract') return { ok: false, id, message: `unknown message type ${JSON.stringify(type)} (this API, version ${EMBED_API_VERSION}, takes giellm:extract)` };
  const r = ExtractRequest.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
    return { ok: false, id, message: `malformed giellm:extract: ${issues}` };
  }
  return { ok: true, request: r.data };
}

/** The origins in a list (commas or spaces); anything that is not an http(s) URL never matches. */
function originsIn(list: string): string[] {
  const out: string[] = [];
  for (const o of list.split(/[,\s]+/).filter(Boolean)) {
    try {
      const u = new URL(o);
      // An origin is scheme + host + port, nothing else: "https://site.org/path" counts as its origin.
      if (u.protocol === 'https:' || u.protocol === 'http:') out.push(u.origin);
    } catch {
      // Not a URL: never matches.
    }
  }
  return [...new Set(out)];
}

/**
 * The allowed host origins. A build locked with VITE_EMBED_ORIGINS answers only those: `?origins=` on the
 * embed URL can narrow the list, never widen it (anyone can write a URL). An unlocked build takes `?origins=`.
 */
export function allowedOrigins(param: string | null, buildDefault: string): string[] {
  const locked = originsIn(buildDefault);
  if (locked.length === 0) return originsIn(param ?? '');
  return param === null ? locked : originsIn(param).filter((o) => locked.includes(o));
}

export const isAllowedOrigin = (origin: string, allowed: readonly string[]) => origin !== 'null' && allowed.includes(origin);

/** One Extraction for a whole text run sentence by sentence: items in order, the most frequent category. */
export function mergeExtractions(task: TaskId, parts: readonly LocatedExtraction[]): LocatedExtraction {
  const counts = new Map<string, number>();
  for (const p of parts) if (p.category) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
  let category: string | null = null;
  let best = 0;
  for (const [c, n] of counts) if (n > best) [category, best] = [c, n];
  return {
    task,
    category,
    entities: parts.flatMap((p) => p.entities),
    relations: parts.flatMap((p) => p.relations),
    events: parts.flatMap((p) => p.events),
    warnings: parts.flatMap((p) => p.warnings),
    ...mergedNotices(parts),
  };
}

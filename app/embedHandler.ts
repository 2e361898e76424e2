import { DEFAULT_PROFILE, extract, shiftOffsets, type FormatProfile } from '../src/index.ts';
import { MAX_ITEMS, mergeExtractions, type ExtractRequest } from '../src/embed/protocol.ts';
import { engine } from './shared/engine/engine.ts';
import type { EmbedReply } from './features/embed/embedBridge.ts';
import { askToRun } from './features/embed/consentStore.ts';
import { useInputStore } from './features/workspace/inputStore.ts';
import { useRunStore } from './features/workspace/runStore.ts';
import { workspaceRunOptions } from './workflows.ts';

/**
 * The format a request is answered in: the built-in one with the request's label set. Never the user's
 * saved profile: its label sets are the user's own (a project's categories, a client's names), and a
 * warning or a category chosen from them would hand them to the host page.
 */
const requestProfile = (req: ExtractRequest): FormatProfile => (req.labels ? { ...DEFAULT_PROFILE, categories: { ...DEFAULT_PROFILE.categories, [req.task]: req.labels } } : DEFAULT_PROFILE);

const itemCount = (x: { entities: unknown[]; relations: unknown[]; events: unknown[] }) => x.entities.length + x.relations.length + x.events.length;

/**
 * Answers one embed request in the frame's workspace: a given output is read against the text; otherwise,
 * once the user says yes in the frame, the loaded model runs with the frame's constrained-decoding toggles.
 * The bridge hands requests over one at a time, so each is answered with its own text.
 */
export async function handleEmbedRequest(req: ExtractRequest, reply: (m: EmbedReply) => void, origin: string) {
  const profile = requestProfile(req);
  if (req.output !== undefined) {
    const result = extract(req.output, req.task, profile, req.text);
    if (itemCount(result) > MAX_ITEMS) return reply({ type: 'giellm:error', id: req.id, message: `the output holds ${itemCount(result)} items; this API reads at most ${MAX_ITEMS}` });
    useInputStore.setState({ text: req.text, task: req.task, output: req.output, credit: null });
    useRunStore.getState().setRuns([]);
    return reply({ type: 'giellm:result', id: req.id, result });
  }
  if (engine.store.getState().status !== 'ready') {
    return reply({ type: 'giellm:error', id: req.id, message: 'No model is loaded in this frame: load one in it, or send the model output as "output".' });
  }
  useInputStore.setState({ text: req.text, task: req.task, output: '', credit: null });
  if (!(await askToRun(origin, req.text.length))) return reply({ type: 'giellm:error', id: req.id, message: 'The user refused to run the model for this request.' });
  const runs = await engine.run(req.text, { ...workspaceRunOptions(req.task), profile }, (rs) => {
    useRunStore.getState().setRuns(rs);
    reply({ type: 'giellm:progress', id: req.id, done: rs.filter((r) => r.status !== 'waiting' && r.status !== 'running').length, total: rs.length });
  });
  const parts = runs.flatMap((r) => (r.extraction ? [shiftOffsets(r.extraction, r.sentence.start)] : []));
  reply({ type: 'giellm:result', id: req.id, result: mergeExtractions(req.task, parts) });
}

import { extract, shiftOffsets, type FormatProfile } from '../src/index.ts';
import { mergeExtractions, type ExtractRequest } from '../src/embed/protocol.ts';
import { engine } from './shared/engine/engine.ts';
import type { EmbedReply } from './features/embed/embedBridge.ts';
import { useInputStore } from './features/workspace/inputStore.ts';
import { useRunStore } from './features/workspace/runStore.ts';
import { workspaceRunOptions } from './workflows.ts';

/** The request's label set, where it gives one, over the run options' profile. */
const withLabels = (profile: FormatProfile, req: ExtractRequest): FormatProfile => (req.labels ? { ...profile, categories: { ...profile.categories, [req.task]: req.labels } } : profile);

/**
 * Answers one embed request in the frame's workspace: a given output is read against the text; otherwise
 * the loaded model runs with the frame's own run options (its constrained-decoding toggles included).
 */
export async function handleEmbedRequest(req: ExtractRequest, reply: (m: EmbedReply) => void) {
  const options = workspaceRunOptions(req.task);
  const profile = withLabels(options.profile, req);
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
  const runs = await engine.run(req.text, { ...options, profile }, (rs) => {
    useRunStore.getState().setRuns(rs);
    reply({ type: 'giellm:progress', id: req.id, done: rs.filter((r) => r.status !== 'waiting' && r.status !== 'running').length, total: rs.length });
  });
  const parts = runs.flatMap((r) => (r.extraction ? [shiftOffsets(r.extraction, r.sentence.start)] : []));
  reply({ type: 'giellm:result', id: req.id, result: mergeExtractions(req.task, parts) });
}

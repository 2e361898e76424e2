// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { engine } from './shared/engine/engine.ts';
import { useRunStore } from './features/workspace/runStore.ts';
import { handleEmbedRequest } from './embedHandler.ts';

describe('embed requests', () => {
  afterEach(() => vi.restoreAllMocks());

  it('run with the frame’s own run options: its constrained-decoding toggles, and the request’s label set', async () => {
    vi.spyOn(engine.store, 'getState').mockReturnValue({ ...engine.store.getState(), status: 'ready' });
    const run = vi.spyOn(engine, 'run').mockResolvedValue([]);
    const replies: unknown[] = [];
    useRunStore.setState({ grammar: false });
    await handleEmbedRequest({ type: 'giellm:extract', id: 1, text: '東京', task: 'ner', labels: ['甲', '乙'] }, (m) => void replies.push(m));
    expect(run.mock.calls[0]![1]).toMatchObject({ task: 'ner', grammar: null, profile: { categories: { ner: ['甲', '乙'] } } });
    useRunStore.setState({ grammar: true, constrainArgs: true });
    await handleEmbedRequest({ type: 'giellm:extract', id: 2, text: '東京', task: 're' }, () => undefined);
    expect(run.mock.calls[1]![1].grammar).toEqual({ spans: 'substring', tupleArgs: 'substring' });
    expect(replies).toEqual([{ type: 'giellm:result', id: 1, result: expect.objectContaining({ task: 'ner' }) }]);
  });
});

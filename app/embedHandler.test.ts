// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PROFILE } from '../src/index.ts';
import { MAX_ITEMS } from '../src/embed/protocol.ts';
import { engine } from './shared/engine/engine.ts';
import { useRunStore } from './features/workspace/runStore.ts';
import { useProfileStore } from './shared/profile/profileStore.ts';
import { useConsentStore } from './features/embed/consentStore.ts';
import { handleEmbedRequest } from './embedHandler.ts';

const HOST = 'https://host.example';
const answerWhenAsked = (allowed: boolean, always = false) =>
  useConsentStore.subscribe((s) => {
    if (s.ask) s.ask.answer(allowed, always);
  });

describe('embed requests', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    useConsentStore.setState({ ask: null, allowed: [] });
    useProfileStore.getState().reset();
  });

  it('run, once the user says yes, with the frame’s constrained-decoding toggles and the request’s label set', async () => {
    vi.spyOn(engine.store, 'getState').mockReturnValue({ ...engine.store.getState(), status: 'ready' });
    const run = vi.spyOn(engine, 'run').mockResolvedValue([]);
    const replies: unknown[] = [];
    useRunStore.setState({ grammar: false });
    const stop = answerWhenAsked(true, true);
    await handleEmbedRequest({ type: 'giellm:extract', id: 1, text: '東京', task: 'ner', labels: ['甲', '乙'] }, (m) => void replies.push(m), HOST);
    stop();
    expect(run.mock.calls[0]![1]).toMatchObject({ task: 'ner', grammar: null, profile: { categories: { ner: ['甲', '乙'] } } });
    // Allowed for the visit: no second question.
    useRunStore.setState({ grammar: true, constrainArgs: true });
    await handleEmbedRequest({ type: 'giellm:extract', id: 2, text: '東京', task: 're' }, () => undefined, HOST);
    expect(run.mock.calls[1]![1].grammar).toEqual({ spans: 'substring', tupleArgs: 'substring' });
    expect(replies).toEqual([{ type: 'giellm:result', id: 1, result: expect.objectContaining({ task: 'ner' }) }]);
  });

  it('a refusal runs nothing and tells the host', async () => {
    vi.spyOn(engine.store, 'getState').mockReturnValue({ ...engine.store.getState(), status: 'ready' });
    const run = vi.spyOn(engine, 'run').mockResolvedValue([]);
    const replies: unknown[] = [];
    const stop = answerWhenAsked(false);
    await handleEmbedRequest({ type: 'giellm:extract', id: 3, text: '東京', task: 'ner' }, (m) => void replies.push(m), HOST);
    stop();
    expect(run).not.toHaveBeenCalled();
    expect(replies).toEqual([{ type: 'giellm:error', id: 3, message: 'The user refused to run the model for this request.' }]);
  });

  it('never shows the host the user’s saved label sets', async () => {
    useProfileStore.getState().setCategories('ner', ['社外秘プロジェクト甲', '顧客名簿']);
    const replies: { result?: { warnings: string[] } }[] = [];
    await handleEmbedRequest({ type: 'giellm:extract', id: 4, text: '東京', task: 'ner', output: '<?>固有表現抽出:地名;東京' }, (m) => void replies.push(m as never), HOST);
    const said = JSON.stringify(replies);
    expect(said).not.toContain('社外秘');
    expect(said).not.toContain('顧客名簿');
    expect(replies[0]!.result!.warnings.join(' ')).toContain(DEFAULT_PROFILE.categories.ner[0]);
  });

  it('refuses an output of more items than the protocol reads', async () => {
    const replies: unknown[] = [];
    const output = `<社会>固有表現抽出${':地名;東'.repeat(MAX_ITEMS + 1)}`;
    await handleEmbedRequest({ type: 'giellm:extract', id: 5, text: '東京', task: 'ner', output }, (m) => void replies.push(m), HOST);
    expect(replies).toEqual([{ type: 'giellm:error', id: 5, message: `the output holds ${MAX_ITEMS + 1} items; this API reads at most ${MAX_ITEMS}` }]);
  });
});

import { describe, expect, it } from 'vitest';
import { problemsOf, runFigures } from './gpuCheck.ts';

const line = (p: number, o: number, pre: string, dec: string, ttft: string) => `${p} prompt + ${o} output tokens · prefill ${pre} tok/s · decode ${dec} tok/s · first token ${ttft} s`;

describe('npm run check:gpu, deciding', () => {
  it('takes the medians of WebLLM’s own figures from the run details', () => {
    const r = runFigures([
      { status: 'done', usage: line(60, 20, '900.5', '40.0', '0.07') },
      { status: 'done', usage: line(64, 18, '1100.0', '44.0', '0.06') },
      { status: 'done', usage: line(70, 22, '1000.0', '42.0', '0.08') },
    ]);
    expect(r).toEqual({ sentences: 3, failed: 0, promptTokens: 64, prefillTps: 1000, decodeTps: 42, ttftS: 0.07 });
  });

  it('fails on a sentence that did not finish, a missing speed, a short run or any page error', () => {
    const ok = runFigures([{ status: 'done', usage: line(60, 20, '900', '40', '0.07') }]);
    expect(problemsOf({ grammar: ok }, 1, [])).toEqual([]);
    const bad = runFigures([{ status: 'failed', usage: null }, { status: 'done', usage: line(60, 20, '?', '?', '?') }]);
    expect(problemsOf({ grammar: bad }, 3, ['DeviceLostError: lost'])).toEqual([
      'grammar: 2 of 3 sentences were run',
      'grammar: 1 of 2 sentences did not finish',
      'grammar: WebLLM reported no decode speed',
      'page error: DeviceLostError: lost',
    ]);
  });
});

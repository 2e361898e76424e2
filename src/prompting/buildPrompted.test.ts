import { describe, expect, it } from 'vitest';
import { buildPromptedMessages, foldSystemIntoUser, promptLength } from './buildPrompted.ts';
import { buildInput } from '../format/buildInput.ts';
import { parseOutput } from '../format/parseOutput.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { TASK_IDS } from '../format/taskCatalog.ts';
import { EXAMPLES } from './examples.ts';

describe('buildPromptedMessages', () => {
  it('gives an instruction, k worked examples in the GIELLM format, then the input', () => {
    const text = '国母和宏は東海大に所属する。';
    const m = buildPromptedMessages(text, 're', P, 2);
    expect(m.map((x) => x.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(m[0]!.content).toContain('<スポーツ><映画><女性><IT><CM>');
    expect(m.at(-1)!.content).toBe(buildInput(text, 're', P));
  });

  it('uses examples whose outputs parse cleanly, for every task', () => {
    for (const task of TASK_IDS) {
      for (const ex of EXAMPLES[task]) {
        const x = parseOutput(`<${ex.category}>${P.iw[task]}${ex.items}`, task, P, { text: ex.text });
        expect(x.warnings, `${task}: ${ex.items}`).toEqual([]);
      }
    }
  });

  it('clips k to 0..5 and to the pool, and gets longer with each example', () => {
    const lengths = [0, 1, 3, 5, 9].map((k) => buildPromptedMessages('a', 'ner', P, k).length);
    expect(lengths).toEqual([2, 4, 8, 8, 8]); // three NER examples in the pool
    const chars = [0, 1, 3].map((k) => promptLength(buildPromptedMessages('a', 'ner', P, k)));
    expect(chars[0]! < chars[1]! && chars[1]! < chars[2]!).toBe(true);
  });
});

describe('foldSystemIntoUser', () => {
  it('puts the instruction at the head of the first user turn, for templates without a system role', () => {
    const messages = buildPromptedMessages('山田は東京にいる。', 'ner', P, 1);
    const folded = foldSystemIntoUser(messages);
    expect(folded.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(folded[0]!.content).toBe(`${messages[0]!.content}\n\n${messages[1]!.content}`);
    expect(folded.slice(1)).toEqual(messages.slice(2));
    expect(foldSystemIntoUser([{ role: 'user', content: 'x' }])).toEqual([{ role: 'user', content: 'x' }]);
  });
});

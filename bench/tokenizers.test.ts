import { describe, expect, it } from 'vitest';
import { LLAMA2, QWEN25 } from './tokenizers.ts';

describe('the benches’ tokenizers are the real ones', () => {
  it('LLaMA-2: "Hello world" is [1, 15043, 3186], as Meta’s tokenizer.model encodes it', () => {
    expect(LLAMA2.encode('Hello world')).toEqual([1, 15043, 3186]);
    expect(LLAMA2.vocab()).toHaveLength(32000);
    expect(LLAMA2.vocab().slice(0, 3)).toEqual(['<unk>', '<s>', '</s>']);
    // Japanese falls back to characters and bytes: 東京 is two pieces after the ▁ prefix.
    expect(LLAMA2.encode('東京')).toEqual([1, 29871, 30591, 30675]);
  });

  it('Qwen2.5: "Hello world" is [9707, 1879] and its end tokens are <|endoftext|> and <|im_end|>', () => {
    expect(QWEN25.encode('Hello world')).toEqual([9707, 1879]);
    const vocab = QWEN25.vocab();
    expect([vocab[151643], vocab[151645]]).toEqual(['<|endoftext|>', '<|im_end|>']);
    expect(vocab.length).toBeGreaterThanOrEqual(151_665);
  });
});

import { describe, expect, it } from 'vitest';
import { loneCrAsLf, looksBinary, withoutNulLines } from './decode.ts';
import { eachLine } from '../data/records.ts';

describe('binary or text', () => {
  it('is binary when NUL is common, text with one stray NUL or a U+FFFD', () => {
    expect(looksBinary('{"text": "東京"}\n')).toBe(false);
    expect(looksBinary('ok\nok\n\u0000\u0001PK')).toBe(true);
    expect(looksBinary(`${'あ'.repeat(5000)}\u0000`)).toBe(false);
    expect(looksBinary('{\n\uFFFD')).toBe(false);
  });

  it('leaves out the lines holding a NUL as blank lines, so the rest keep their numbers', () => {
    expect(withoutNulLines('a\nb\u0000b\u0000\nc\n\u0000\nd')).toEqual({ text: 'a\n\nc\n\nd', lines: [2, 4] });
    expect(withoutNulLines('\u0000')).toEqual({ text: '', lines: [1] });
  });

  it('reads LF, CRLF and lone CR as line ends', () => {
    expect(loneCrAsLf('a\rb\r\nc\n')).toBe('a\nb\r\nc\n');
    expect([...eachLine('\uFEFFa\rb\r\nc\n\nd')]).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
      { line: 3, text: 'c' },
      { line: 5, text: 'd' },
    ]);
  });
});

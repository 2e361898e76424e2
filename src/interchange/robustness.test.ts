import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../format/profile.ts';
import { MAX_LISTED_ERRORS, readFileBytes, type FileRead } from './readFile.ts';
import type { ReadContext } from './formats.ts';

// Files as the attack on the built app (issue 17) wrote them: every one used to throw, refuse a whole
// file for one bad line, or lose content without a word.

const enc = (s: string) => new TextEncoder().encode(s);
const read = (name: string, content: string, ctx: Partial<ReadContext> = {}) => readFileBytes(enc(content), { file: name, profile: DEFAULT_PROFILE, task: 'ner', category: null, ...ctx });
const docs = (r: FileRead) => ('docs' in r ? r.docs : []);
const errors = (r: FileRead) => ('errors' in r ? r.errors : []);
const rec = (text: string, extra: object = {}) => JSON.stringify({ text, task: 'ner', ...extra });

describe('reading files that are not what their tool writes', () => {
  it('a Label Studio task with a null region, or annotations that are not a list, is named; the good tasks are kept', async () => {
    const good = { data: { text: '東京で会見。' }, annotations: [{ result: [{ id: 'a', type: 'labels', value: { start: 0, end: 2, text: '東京', labels: ['地名'] } }] }] };
    const r = await read('ls.json', JSON.stringify([good, { id: 7, data: { text: '大阪' }, annotations: [{ result: [null] }] }, { id: 8, data: { text: '京都' }, annotations: { result: [] } }, { id: 9, data: { text: '奈良' }, annotations: [{ result: 'x' }] }]));
    expect(docs(r).map((d) => d.text)).toEqual(['東京で会見。', '大阪']);
    expect(errors(r).map((e) => e.message)).toEqual(['task 7, region 1: is null, not a region object; it was left out', 'task 8: "annotations" is not a list of completions', 'task 9: "result" is not a list of regions']);
  });

  it('doccano label entries that are null, a number or too short are named by line; the other lines are kept', async () => {
    const lines = [JSON.stringify({ text: '東京', label: [[0, 2, '地名']] }), JSON.stringify({ text: 'a', label: [null] }), JSON.stringify({ text: 'b', label: [[0, 1]] }), JSON.stringify({ text: 'c', label: 5 })];
    const r = await read('d.jsonl', lines.join('\n'));
    expect(docs(r).map((d) => d.text)).toEqual(['東京']);
    expect(errors(r).map((e) => e.line)).toEqual([2, 3, 4]);
  });

  it('a NUL on one line of many refuses that line only; a file full of NULs is binary', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => rec(`文${i}。`));
    // A raw NUL (JSON.stringify would escape it).
    lines[4999] = '{"text": "壊れ\u0000た", "task": "ner"}';
    const r = await read('big.jsonl', lines.join('\n'));
    expect(docs(r)).toHaveLength(9_999);
    expect(errors(r)).toEqual([{ file: 'big.jsonl', line: 5000, message: expect.stringMatching(/NUL byte.*the line was left out/), problem: { code: 'nul-line', params: {} } }]);
    expect(docs(r)[4_999]!.line).toBe(5_001);
    const binary = await read('b.jsonl', '{"te\u0000\u0000\u0000');
    expect(errors(binary)[0]!.message).toMatch(/full of NUL bytes.*nothing was imported/);
  });

  it('U+FFFD in valid UTF-8 is content', async () => {
    expect(docs(await read('r.jsonl', rec('文字化け\uFFFDあり')))[0]!.text).toBe('文字化け\uFFFDあり');
  });

  it('LF, CRLF and lone CR line ends all read as lines, with their numbers', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const r = await read('e.jsonl', [rec('一'), rec('二'), '{bad'].join(eol));
      expect(docs(r).map((d) => [d.line, d.text]), JSON.stringify(eol)).toEqual([
        [1, '一'],
        [2, '二'],
      ]);
      expect(errors(r).map((e) => e.line)).toEqual([3]);
      expect(docs(await read('t.txt', ['一。', '二。'].join(eol))).map((d) => d.text)).toEqual(['一。', '二。']);
    }
  });

  it('an empty file is named, whatever its format', async () => {
    for (const name of ['e.jsonl', 'e.json', 'e.csv', 'e.txt', 'e.conll']) {
      expect(errors(await read(name, ' \n\n'))).toEqual([{ file: name, line: null, message: 'the file is empty; nothing was imported from it', problem: { code: 'empty-file', params: {} } }]);
    }
  });

  it('caps the error list of 100,000 bad lines and counts the rest', async () => {
    const r = await read('bad.jsonl', Array.from({ length: 100_000 }, () => '{bad').join('\n') + '\n' + rec('良い行'));
    expect(docs(r).map((d) => d.text)).toEqual(['良い行']);
    expect(errors(r)).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(errors(r).at(-1)!.message).toBe(`and ${100_000 - MAX_LISTED_ERRORS} more refused lines or entries (the first ${MAX_LISTED_ERRORS} are listed)`);
    expect(r.errorCount).toBe(100_000);
  });

  it('a file that mixes line formats is read line by line, each by its own reader', async () => {
    const r = await read('mixed.jsonl', [JSON.stringify({ text: '東京', label: [[0, 2, '地名']] }), rec('大阪へ。', { output: '<社会>固有表現抽出:地名;大阪' }), '{bad'].join('\n'));
    expect(docs(r).map((d) => [d.line, d.text, d.output, d.annotation?.entities.map((e) => e.text)])).toEqual([
      [1, '東京', null, ['東京']],
      [2, '大阪へ。', '<社会>固有表現抽出:地名;大阪', undefined],
    ]);
    expect(errors(r).map((e) => e.line)).toEqual([3]);
  });
});

import { describe, expect, it } from 'vitest';
import { readRecords } from './records.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';

describe('readRecords', () => {
  it('reads records with task or IW, keeps ids as strings, and reports bad lines by number', () => {
    const content = '\uFEFF{"id": 1, "text": "a", "task": "ner"}\r\n\r\n{"text": "b", "iw": "関係抽出", "output": "<スポーツ>関係抽出"}\n[1]\n{"text": "c", "iw": "謎"}\n';
    const r = readRecords(content, 'd.jsonl', P);
    expect(r.records).toEqual([
      { id: '1', text: 'a', task: 'ner', line: 1 },
      { text: 'b', task: 're', output: '<スポーツ>関係抽出', line: 3 },
    ]);
    expect(r.errors.map((e) => [e.line, e.message.slice(0, 24)])).toEqual([
      [4, 'expected a JSON object l'],
      [5, 'unknown IW "謎" (expected'],
    ]);
  });
});


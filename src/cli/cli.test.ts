import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './main.ts';
import { UsageError, type CliIo } from './io.ts';
import { sharedPath } from '../testing/sharedData.ts';
import type { Extraction } from '../domain/types.ts';

const TCREE = sharedPath('tcree-sample.jsonl');

function fakeIo(files: Record<string, string>, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: async (p) => {
      if (p in files) return files[p]!;
      try {
        return readFileSync(p, 'utf8');
      } catch {
        throw new UsageError(`${p}: no such file`);
      }
    },
    readStdin: async () => stdin,
  };
  return { io, out, err };
}

const cli = async (argv: string[], files: Record<string, string> = {}, stdin = '') => {
  const f = fakeIo(files, stdin);
  const code = await run(argv, f.io);
  return { code, out: f.out.join('\n'), err: f.err.join('\n') };
};

describe('giellm prompt', () => {
  it('prints the exact model input for --text, with either separator', async () => {
    expect((await cli(['prompt', '--task', 'ner', '--text', '松友美佐紀は選手。'])).out).toBe('松友美佐紀は選手。\n<社会><文芸><学問><技術><自然>\n固有表現抽出');
    expect((await cli(['prompt', '--task', 'ee', '--separator', 'none', '--text', '発表された。'])).out).toBe('発表された。<スポーツ><映画><女性><IT><CM>イベント抽出');
  });

  it('prints one JSON line per record of a JSONL file', async () => {
    const r = await cli(['prompt', '--task', 're', TCREE]);
    const lines = r.out.split('\n').map((l) => JSON.parse(l) as { input: string });
    expect(lines).toHaveLength(6);
    expect(lines[1]!.input.endsWith('\n<スポーツ><映画><女性><IT><CM>\n関係抽出')).toBe(true);
  });

  it('rejects an unknown task', async () => {
    const r = await cli(['prompt', '--task', 'xx', '--text', 'a']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--task must be one of ner, re, ee');
  });

  it('uses a profile file and reports a broken one by field', async () => {
    const ok = await cli(['prompt', '--task', 'se-adj', '--text', 'a', '--profile', 'p.json'], { 'p.json': '{"iw": {"se-adj": "感情形容詞抽出"}}' });
    expect(ok.out.endsWith('感情形容詞抽出')).toBe(true);
    const bad = await cli(['prompt', '--task', 'ner', '--text', 'a', '--profile', 'p.json'], { 'p.json': '{"partSeparator": "tab"}' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('p.json: partSeparator: expected one of "newline", "none"');
  });
});

describe('giellm parse', () => {
  it('prints one located Extraction per record, from stdin', async () => {
    const r = await cli(['parse'], {}, readFileSync(TCREE, 'utf8'));
    expect(r.code).toBe(0);
    const xs = r.out.split('\n').map((l) => JSON.parse(l) as Extraction);
    expect(xs).toHaveLength(6);
    expect(xs[1]!.relations[0]).toEqual({ head: '国母和宏', relation: '所属', tail: '東海大', offsets: { head: [15, 19], tail: [20, 23] } });
  });

  it('keeps every good line and names each bad one with file and line', async () => {
    const file = [
      '{"text": "松友美佐紀は選手。", "task": "ner", "output": "<社会>固有表現抽出:人名;松友美佐紀"}',
      '{"text": "壊れ',
      '',
      '{"text": "a", "task": "xx", "output": "<社会>"}',
      '{"text": "b", "task": "ner"}',
      '{"text": "日本。", "task": "ner", "output": "<社会>固有表現抽出:地名;日本"}',
    ].join('\n');
    const r = await cli(['parse', 'in.jsonl'], { 'in.jsonl': file });
    expect(r.code).toBe(2);
    expect(r.out.split('\n').map((l) => (JSON.parse(l) as Extraction).entities[0]!.text)).toEqual(['松友美佐紀', '日本']);
    const errs = r.err.split('\n');
    expect(errs[0]).toMatch(/^in\.jsonl:2: not valid JSON/);
    expect(errs[1]).toBe('in.jsonl:4: unknown task "xx" (expected one of ner, re, ee, se-rw, se-n, se-adj, se-nadj)');
    expect(errs[2]).toBe('in.jsonl:5: "output" is missing: nothing to parse');
  });

  it('says which file is missing', async () => {
    const r = await cli(['parse', 'nope.jsonl']);
    expect(r).toMatchObject({ code: 2, err: 'giellm parse: nope.jsonl: no such file' });
  });
});

describe('giellm eval', () => {
  const pred = readFileSync(TCREE, 'utf8')
    .trim()
    .split('\n')
    .map((l, i) => {
      const o = JSON.parse(l) as { output: string };
      if (i === 0) o.output = o.output.replace('<スポーツ>', '<映画>');
      if (i === 1) o.output = o.output.replace(';所属;', ';職業;');
      return JSON.stringify(o);
    })
    .join('\n');

  it('prints per-task and overall scores as JSON', async () => {
    const r = await cli(['eval', '--gold', TCREE, '--pred', 'pred.jsonl', '--json'], { 'pred.jsonl': pred });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { tasks: Record<string, Record<string, number>>; overall: Record<string, number> };
    // Rows 0, 2, 3 are EE; 1, 4, 5 RE. Row 0 (EE) has a wrong label, row 1 (RE) a wrong relation.
    expect(j.tasks.ee).toMatchObject({ n: 3, tl: 66.67, wl: 100, all: 66.67 });
    expect(j.tasks.re).toMatchObject({ n: 3, tl: 100, wl: 66.67, all: 66.67, f1: 66.67 });
    expect(j.overall).toMatchObject({ n: 6, tl: 83.33, wl: 83.33, all: 66.67 });
  });

  it('writes the full report with intervals, the paper row and per-record differences', async () => {
    const md = await cli(['eval', '--gold', TCREE, '--pred', 'pred.jsonl', '--report', 'md'], { 'pred.jsonl': pred });
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/\| overall \| 6 \| 83\.33 \[[\d.]+–[\d.]+\] \| 83\.33 \[/);
    expect(md.out).toContain('| ee | TCREE | GIELLM-13B-JP | 97.49 | 78.51 | 77.41 |');
    expect(md.out).toContain('wrong label: 国母和宏;所属;東海大 → 国母和宏;職業;東海大');
    const csv = await cli(['eval', '--gold', TCREE, '--pred', 'pred.jsonl', '--report', 'csv'], { 'pred.jsonl': pred });
    expect(csv.out.split('\n').find((l) => l.startsWith('re,3,WL,'))).toMatch(/^re,3,WL,66\.67,/);
    expect((await cli(['eval', '--gold', TCREE, '--pred', 'pred.jsonl', '--report', 'pdf'], { 'pred.jsonl': pred })).code).toBe(2);
  });

  it('prints a table', async () => {
    const r = await cli(['eval', '--gold', TCREE, '--pred', 'pred.jsonl'], { 'pred.jsonl': pred });
    expect(r.out.split('\n')[0]).toMatch(/^task\s+n\s+TL\s+WL\s+ALL\s+F1$/);
    expect(r.out).toMatch(/overall\s+6\s+83\.33\s+83\.33\s+66\.67/);
  });

  it('pairs by id and names ids without a partner', async () => {
    const gold = '{"id": "a", "text": "x", "task": "ner", "output": "<社会>固有表現抽出"}\n{"id": "b", "text": "y", "task": "ner", "output": "<社会>固有表現抽出"}';
    const p = '{"id": "b", "text": "y", "task": "ner", "output": "<社会>固有表現抽出"}\n{"id": "c", "text": "z", "task": "ner", "output": "<社会>固有表現抽出"}';
    const r = await cli(['eval', '--gold', 'g.jsonl', '--pred', 'p.jsonl'], { 'g.jsonl': gold, 'p.jsonl': p });
    expect(r.code).toBe(2);
    expect(r.err).toBe('g.jsonl:1: id "a" has no prediction in p.jsonl\np.jsonl:2: id "c" is not in g.jsonl');
    expect(r.out).toBe('');
  });

  it('refuses a count mismatch when pairing by line', async () => {
    const r = await cli(['eval', '--gold', TCREE, '--pred', 'p.jsonl'], { 'p.jsonl': pred.split('\n').slice(0, 4).join('\n') });
    expect(r).toMatchObject({ code: 2, err: 'p.jsonl: 4 predictions for 6 gold records (without ids on every record, they pair by line)' });
  });
});

describe('giellm convert', () => {
  it('converts the stockmark file into records whose outputs parse back to the gold entities', async () => {
    const r = await cli(['convert', '--from', 'stockmark', sharedPath('stockmark-ner-wikipedia.json'), '--category', '社会']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(5343);
    expect(JSON.parse(lines[0]!)).toEqual({ id: '3572156', text: 'SPRiNGSと最も仲の良いライバルグループ。', task: 'ner', output: '<社会>固有表現抽出:その他の組織名;SPRiNGS' });
  });

  it('reports a broken entry and converts the rest', async () => {
    const data = JSON.stringify([
      { curid: '1', text: '日本の首都。', entities: [{ name: '日本', span: [0, 2], type: '地名' }] },
      { curid: '2', text: '東京', entities: [{ name: '大阪', span: [0, 2], type: '地名' }] },
    ]);
    const r = await cli(['convert', '--from', 'stockmark', 's.json'], { 's.json': data });
    expect(r.code).toBe(2);
    expect(r.out.split('\n')).toHaveLength(1);
    expect(r.err).toBe('s.json: entry 2: curid 2: entity "大阪" does not match the text at [0, 2)');
  });

  it('names the line of a JSON syntax error', async () => {
    const r = await cli(['convert', '--from', 'stockmark', 's.json'], { 's.json': '[\n{"curid": 1,\n oops}\n]' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^s\.json:3: not valid JSON/);
  });
});

describe('the giellm bin', () => {
  const bin = fileURLToPath(new URL('../../bin/giellm.mjs', import.meta.url));

  it('runs as a real process: prompt, parse from a pipe, exit code 2 on bad input', () => {
    expect(execFileSync(bin, ['prompt', '--task', 're', '--text', '東海大'], { encoding: 'utf8' })).toBe('東海大\n<スポーツ><映画><女性><IT><CM>\n関係抽出\n');
    const parsed = execFileSync(bin, ['parse'], { input: readFileSync(TCREE), encoding: 'utf8' });
    expect(parsed.trim().split('\n')).toHaveLength(6);
    const bad = spawnSync(bin, ['parse'], { input: 'not json\n', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^<stdin>:1: not valid JSON/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});

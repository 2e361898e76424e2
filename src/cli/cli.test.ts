import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './main.ts';
import { UsageError, type CliIo } from './io.ts';
import { sharedPath } from '../testing/sharedData.ts';
import type { Extraction } from '../domain/types.ts';

const TCREE = sharedPath('tcree-sample.jsonl');

const written = new Map<string, string | Uint8Array>();

function fakeIo(files: Record<string, string | Uint8Array>, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    writeFile: async (p, content) => void written.set(p, content),
    readFile: async (p) => {
      if (p in files) return typeof files[p] === 'string' ? files[p] : new TextDecoder().decode(files[p]);
      try {
        return readFileSync(p, 'utf8');
      } catch {
        throw new UsageError(`${p}: no such file`);
      }
    },
    // Bytes as the real io reads them, so that encodings are found as they are for real files.
    readBytes: async (p) => {
      const f = files[p];
      if (f !== undefined) return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      try {
        return readFileSync(p);
      } catch {
        throw new UsageError(`${p}: no such file`);
      }
    },
    readStdin: async () => stdin,
  };
  return { io, out, err };
}

const cli = async (argv: string[], files: Record<string, string | Uint8Array> = {}, stdin = '') => {
  const f = fakeIo(files, stdin);
  const code = await run(argv, f.io);
  return { code, out: f.out.join('\n'), err: f.err.join('\n') };
};

describe('giellm prompt', () => {
  it('prints the exact model input for --text, with either separator', async () => {
    expect((await cli(['prompt', '--task', 'ner', '--text', '松友美佐紀は選手。'])).out).toBe('松友美佐紀は選手。\n<社会><文芸><学問><技術><自然>\n固有表現抽出');
    expect((await cli(['prompt', '--task', 'ee', '--separator', 'none', '--text', '発表された。'])).out).toBe('発表された。<スポーツ><映画><女性><IT><CM>イベント抽出');
  });

  it('prints one JSON line per record of a JSONL file, each with its own task', async () => {
    const r = await cli(['prompt', TCREE]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => JSON.parse(l) as { task: string; input: string });
    expect(lines.map((l) => l.task)).toEqual(['ee', 're', 'ee', 'ee', 're', 're']);
    expect(lines[1]!.input.endsWith('\n<スポーツ><映画><女性><IT><CM>\n関係抽出')).toBe(true);
    expect(lines[0]!.input.endsWith('\nイベント抽出')).toBe(true);
  });

  it('never re-tasks a record silently: --task names the records that differ', async () => {
    const r = await cli(['prompt', '--task', 're', TCREE]);
    expect(r.code).toBe(2);
    expect(r.out.split('\n')).toHaveLength(3);
    expect(r.err.split('\n')[0]).toBe(`${TCREE}:1: the record's task is ee, not --task re (leave --task out to use each record's own)`);
  });

  it("builds the authors' TCREE CSV input with the built-in tcree-csv profile: text + IW, no label set", async () => {
    const r = await cli(['prompt', '--task', 'ee', '--profile', 'tcree-csv', '--text', '発表された。']);
    expect(r.out).toBe('発表された。イベント抽出');
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

  it('marks a record cut at its token limit and drops its cut-off item', async () => {
    const line = JSON.stringify({ text: '松友美佐紀は日本の選手。', task: 'ner', output: '<社会>固有表現抽出:人名;松友美佐紀:地名;日', finish_reason: 'length' });
    const r = await cli(['parse'], {}, line);
    expect(JSON.parse(r.out)).toMatchObject({ truncated: true, unreadable: 1, entities: [{ text: '松友美佐紀', start: 0, end: 5 }] });
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
    expect(md.out).toContain('| TCREE | GIELLM-13B-JP | 97.49 | 78.51 | 77.41 |');
    expect(md.out).toContain('| TCREE | SLG Framework | 96.49 | 73.12 | 71.72 |');
    expect(md.out).toContain('Table 1: The accuracy of Six Mix Datasets');
    expect(md.out).toContain('ALL (strict): also no extra or unreadable predicted items.');
    expect(md.out).toContain('wrong label: 国母和宏;所属;東海大 → 国母和宏;職業;東海大');
    const csv = await cli(['eval', '--gold', TCREE, '--pred', 'pred.jsonl', '--report', 'csv'], { 'pred.jsonl': pred });
    expect(csv.out.split('\n').find((l) => l.startsWith('re,3,WL,'))).toMatch(/^re,3,WL,66\.67,/);
    expect((await cli(['eval', '--gold', TCREE, '--pred', 'pred.jsonl', '--report', 'pdf'], { 'pred.jsonl': pred })).code).toBe(2);
  });

  it('prints a table with both ALLs, explained', async () => {
    const r = await cli(['eval', '--gold', TCREE, '--pred', 'pred.jsonl'], { 'pred.jsonl': pred });
    expect(r.out.split('\n')[0]).toMatch(/^task\s+n\s+TL\s+WL\s+ALL\(paper\)\s+ALL\(strict\)\s+P\s+R\s+F1$/);
    expect(r.out).toMatch(/overall\s+6\s+83\.33\s+83\.33\s+66\.67\s+66\.67/);
    expect(r.out).toContain('scored 6 of 6 gold records');
    expect(r.out).toContain('ALL (paper): TL right and every gold item predicted');
  });

  it('pairs by id, scores the pairs it has and names ids without a partner', async () => {
    const gold = '{"id": "a", "text": "x", "task": "ner", "output": "<社会>固有表現抽出"}\n{"id": "b", "text": "y", "task": "ner", "output": "<社会>固有表現抽出"}';
    const p = '{"id": "b", "text": "y", "task": "ner", "output": "<社会>固有表現抽出"}\n{"id": "c", "text": "z", "task": "ner", "output": "<社会>固有表現抽出"}';
    const r = await cli(['eval', '--gold', 'g.jsonl', '--pred', 'p.jsonl', '--json'], { 'g.jsonl': gold, 'p.jsonl': p });
    expect(r.code).toBe(2);
    expect(r.err).toBe('g.jsonl:1: id "a" has no prediction in p.jsonl\np.jsonl:2: id "c" is not in g.jsonl');
    expect(JSON.parse(r.out)).toMatchObject({ overall: { n: 1, tl: 100 }, scored: 1, problems: 2 });
  });

  it('refuses ambiguous pairings: a repeated gold id and an id two predictions answer are not scored', async () => {
    const line = (id: string, text: string) => JSON.stringify({ id, text, task: 'ner', output: '<社会>固有表現抽出' });
    const gold = [line('a', 'x'), line('a', 'x'), line('b', 'y'), line('c', 'z')].join('\n');
    const p = [line('c', 'z'), line('b', 'y'), line('b', 'y'), line('a', 'x')].join('\n');
    const r = await cli(['eval', '--gold', 'g.jsonl', '--pred', 'p.jsonl', '--json'], { 'g.jsonl': gold, 'p.jsonl': p });
    expect(r.code).toBe(2);
    expect(r.err).toBe('p.jsonl:3: id "b" appears twice\ng.jsonl:2: id "a" appears twice');
    // a once (its second copy refused), b not at all (two predictions), c: two scored, not four.
    expect(JSON.parse(r.out)).toMatchObject({ overall: { n: 2 }, scored: 2 });
  });

  it('scores every good line and lists the bad ones', async () => {
    const withIds = (text: string) => text.trim().split('\n').map((l, i) => JSON.stringify({ id: `r${i}`, ...(JSON.parse(l) as object) }));
    const gold = withIds(readFileSync(TCREE, 'utf8'));
    const p = withIds(pred);
    p[1] = '{"id": "r1", "text": "壊れ';
    const r = await cli(['eval', '--gold', 'g.jsonl', '--pred', 'p.jsonl', '--json'], { 'g.jsonl': gold.join('\n'), 'p.jsonl': p.join('\n') });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toEqual([expect.stringMatching(/^p\.jsonl:2: not valid JSON/), 'g.jsonl:2: id "r1" has no prediction in p.jsonl']);
    // Row 1 (the RE row with the wrong relation) is the one left out: the other five score as before.
    expect(JSON.parse(r.out)).toMatchObject({ scored: 5, problems: 2, tasks: { re: { n: 2, wl: 100 }, ee: { n: 3, tl: 66.67 } } });
  });

  it('refuses pairs whose texts differ (a shuffled prediction file), or scores them with a flag and says so', async () => {
    // Rows swapped within their task (0 ↔ 2 are EE, 1 ↔ 4 RE): every task matches, four texts do not.
    const l = pred.split('\n');
    const shuffled = [l[2], l[4], l[0], l[3], l[1], l[5]].join('\n');
    const r = await cli(['eval', '--gold', TCREE, '--pred', 'p.jsonl', '--json'], { 'p.jsonl': shuffled });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`p.jsonl:1: its text differs from the gold record's (${TCREE}:1): the files may not be in the same order (not scored; --allow-text-mismatch scores such pairs)`);
    expect(r.err.split('\n')).toHaveLength(4);
    expect(JSON.parse(r.out)).toMatchObject({ scored: 2 });
    const allowed = await cli(['eval', '--gold', TCREE, '--pred', 'p.jsonl', '--json', '--allow-text-mismatch'], { 'p.jsonl': shuffled });
    expect(allowed.code).toBe(0);
    expect(allowed.err).toContain('scored anyway (--allow-text-mismatch)');
    expect(JSON.parse(allowed.out)).toMatchObject({ scored: 6 });
  });

  it('leaves an unreadable gold record out of the scores, naming it; counts unreadable predicted pieces as wrong', async () => {
    const rec = (id: string, output: string) => JSON.stringify({ id, text: 'スノーボードの国母和宏(東海大)が出場。', task: 're', output });
    const gold = [rec('1', '<スポーツ>関係抽出:国母和宏;所属:'), rec('2', '<スポーツ>関係抽出:国母和宏;所属;東海大:')].join('\n');
    const p = [rec('1', '<スポーツ>関係抽出:国母和宏;所属;東海大:'), rec('2', '<スポーツ>関係抽出:国母和宏;所属;東海大:ゴミ;ゴミ:')].join('\n');
    const r = await cli(['eval', '--gold', 'g.jsonl', '--pred', 'p.jsonl', '--json'], { 'g.jsonl': gold, 'p.jsonl': p });
    expect(r.code).toBe(2);
    expect(r.err).toBe('g.jsonl:1: not scored: 1 piece of the gold output could not be read: could not read "国母和宏;所属" as Head;Relation;Tail (2 parts)');
    // Record 2: 1 gold, 2 predicted (the junk tuple counts), 1 matched: ALL (paper) right, strict ALL not, P = 50.
    expect(JSON.parse(r.out).overall).toMatchObject({ n: 1, all: 100, allStrict: 0, precision: 50, recall: 100 });
    // The report says what it left out, as the table's stderr does.
    const md = await cli(['eval', '--gold', 'g.jsonl', '--pred', 'p.jsonl', '--report', 'md'], { 'g.jsonl': gold, 'p.jsonl': p });
    expect(md.out).toContain('## Gold records not scored (1)');
    expect(md.out).toContain('| overall | 1 |');
  });

  it('reports two annotators’ span agreement (Cohen’s κ, character by character) as the app computes it', async () => {
    const rec = (output: string) => JSON.stringify({ id: 'd1', text: 'NTTドコモは東京で発表した。', task: 'ner', output });
    const md = await cli(['eval', '--gold', 'a.jsonl', '--pred', 'b.jsonl', '--report', 'md'], { 'a.jsonl': rec('<技術>固有表現抽出:法人名;NTTドコモ:地名;東京'), 'b.jsonl': rec('<技術>固有表現抽出:法人名;NTTドコモ:人名;東京') });
    expect(md.out).toContain("- ner: Cohen's kappa of the spans, character by character: 0.786");
    const json = await cli(['eval', '--gold', 'a.jsonl', '--pred', 'b.jsonl', '--report', 'json'], { 'a.jsonl': rec('<技術>固有表現抽出:法人名;NTTドコモ:地名;東京'), 'b.jsonl': rec('<技術>固有表現抽出:地名;東京') });
    // 法人名 on one side only: 6 characters differ, 2 agree on 地名, 7 on no span.
    const [ner] = JSON.parse(json.out).tasks;
    expect(ner.spanKappa).toBeCloseTo((9 / 15 - (2 * 2 + 7 * 13) / 225) / (1 - (2 * 2 + 7 * 13) / 225), 10);
  });

  it('drops the cut-off last item of a prediction marked truncated', async () => {
    const rec = (output: string, extra = {}) => JSON.stringify({ id: '1', text: '国母和宏(東海大)が出場。', task: 'ner', output, ...extra });
    const gold = rec('<社会>固有表現抽出:人名;国母和宏');
    const cut = rec('<社会>固有表現抽出:人名;国母和宏:法人名;東海', { finish_reason: 'length' });
    const r = await cli(['eval', '--gold', 'g.jsonl', '--pred', 'p.jsonl', '--json'], { 'g.jsonl': gold, 'p.jsonl': cut });
    expect(JSON.parse(r.out).overall).toMatchObject({ all: 100, allStrict: 0, precision: 50 });
  });

  it('compares strings exactly as written with --normalize none', async () => {
    const rec = (output: string) => JSON.stringify({ id: '1', text: '国母和宏 が出場。', task: 'ner', output });
    const files = { 'g.jsonl': rec('<社会>固有表現抽出:人名;国母和宏'), 'p.jsonl': rec('<社会>固有表現抽出:人名;ＫＯＫＵＢＯ') };
    const none = await cli(['eval', '--gold', 'g.jsonl', '--pred', 'p.jsonl', '--json', '--normalize', 'none'], files);
    expect(JSON.parse(none.out).overall).toMatchObject({ wl: 0 });
  });

  it('refuses a count mismatch when pairing by line', async () => {
    const r = await cli(['eval', '--gold', TCREE, '--pred', 'p.jsonl'], { 'p.jsonl': pred.split('\n').slice(0, 4).join('\n') });
    expect(r).toMatchObject({ code: 2, err: 'p.jsonl: 4 predictions for 6 gold records (without ids on every record, they pair by line)' });
  });
});

describe("README's worked scoring example", () => {
  it('gives the numbers the README shows', async () => {
    const fixture = (name: string) => fileURLToPath(new URL(`../testing/fixtures/${name}`, import.meta.url));
    const r = await cli(['eval', '--gold', fixture('eval-example-gold.jsonl'), '--pred', fixture('eval-example-pred.jsonl'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).overall).toEqual({ n: 3, tl: 66.67, wl: 50, all: 66.67, allStrict: 0, precision: 20, recall: 50, f1: 28.57 });
    expect(r.err).toContain('eval-example-gold.jsonl:4: not scored: 1 piece of the gold output could not be read');
  });
});

describe('giellm convert', () => {
  it('converts the stockmark file into records whose outputs parse back to the gold entities', async () => {
    const r = await cli(['convert', '--from', 'stockmark', sharedPath('stockmark-ner-wikipedia.json'), '--category', '社会']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(5343);
    // curid names the article: each sentence's id is curid-n, unique, with curid kept beside it.
    expect(JSON.parse(lines[0]!)).toEqual({ id: '3572156-1', source_id: '3572156', text: 'SPRiNGSと最も仲の良いライバルグループ。', task: 'ner', output: '<社会>固有表現抽出:その他の組織名;SPRiNGS' });
    expect(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(5343);
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

describe('giellm convert between registered formats', () => {
  const NER = '国母和宏は東海大の学生だ。';
  const record = { id: 'n1', text: NER, task: 'ner', output: '<社会>固有表現抽出:人名;国母和宏:施設名;東海大' };
  const recordsFile = JSON.stringify(record) + '\n';
  const to = async (format: string, extra: string[] = []) => cli(['convert', '--from', 'records', '--to', format, ...extra, 'r.jsonl'], { 'r.jsonl': recordsFile });

  it('writes records exactly as read, and every other writer from the same documents', async () => {
    expect(JSON.parse((await to('records')).out)).toEqual(record);
    expect(JSON.parse((await to('training')).out)).toEqual({ id: 'n1', input: `${NER}\n<社会><文芸><学問><技術><自然>\n固有表現抽出`, output: record.output });
    const x = JSON.parse((await to('extraction')).out) as { id: string; extraction: { entities: { text: string; start: number }[] } };
    expect(x.extraction.entities.map((e) => [e.text, e.start])).toEqual([
      ['国母和宏', 0],
      ['東海大', 5],
    ]);
    // Spans and a category: doccano's intent-detection shape (its examples/intent_detection/example.jsonl).
    expect(JSON.parse((await to('doccano')).out)).toEqual({ id: 'n1', text: NER, entities: [[0, 4, '人名'], [5, 8, '施設名']], cats: ['社会'] });
    const { unzipSync, strFromU8 } = await import('fflate');
    expect((await to('label-studio', ['-o', 'ls.zip'])).code).toBe(0);
    expect(JSON.parse(strFromU8(unzipSync(written.get('ls.zip') as Uint8Array)['label-studio-tasks.json']!))[0].annotations[0].result).toHaveLength(3);
    expect((await to('csv', ['--table', 'entities'])).out.split('\n')[1]).toBe('n1,社会,人名,国母和宏,0,4');
    const brat = await to('brat', ['-o', 'out.zip']);
    expect(brat.code).toBe(0);
    expect(strFromU8(unzipSync(written.get('out.zip') as Uint8Array)['brat/0001.ann']!)).toContain('T1\tPERSON 0 4\t国母和宏');
    expect((await to('brat')).err).toMatch(/binary file: give -o FILE/);
    // What a format cannot hold is said on stderr: CoNLL has no category.
    const conll = await to('conll');
    expect(conll.out.split('\n').slice(0, 2)).toEqual(['国\tB-人名', '母\tI-人名']);
    expect(conll.err).toMatch(/^--to conll: not kept: 1 category-not-held/);
  });

  it('reads every readable format back into the same document, detected or named', async () => {
    const via = async (format: string, extra: string[] = []) => {
      const exported = format === 'brat' ? '' : (await to(format)).out;
      const name = format === 'label-studio' ? 'x.json' : 'x.jsonl';
      const r = await cli(['convert', ...extra, name], { [name]: exported });
      return { ...r, records: r.out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as typeof record) };
    };
    for (const format of ['records', 'training', 'extraction']) expect((await via(format)).records, format).toEqual([record]);
    // doccano's spans say the task (NER); a file whose content says none needs --task, and says so.
    expect((await via('doccano')).records).toEqual([record]);
    const plain = await cli(['convert', 'p.txt'], { 'p.txt': '一。\n' });
    expect(plain).toMatchObject({ code: 2, err: expect.stringMatching(/^giellm convert: p\.txt: read as plain text .*, the content does not say the task of 1 document\(s\): give --task/) });
  });

  it('reads stockmark, the TCREE CSV, a CSV by its columns (guessed and said, or given) and plain text', async () => {
    const files = {
      't.csv': '今月8日、吉田秀彦が引退。イベント抽出,,スポーツ,,イベント抽出:吉田秀彦;引退;今月8日:\n',
      'c.csv': 'body,gold\n大阪へ。,<社会>固有表現抽出:地名;大阪\n',
      'p.txt': '一。\n\n二。\n',
    };
    const tcree = await cli(['convert', 't.csv'], files);
    expect(JSON.parse(tcree.out)).toEqual({ text: '今月8日、吉田秀彦が引退。', task: 'ee', output: '<スポーツ>イベント抽出:吉田秀彦;引退;今月8日:' });
    const guessed = await cli(['convert', '--task', 'ner', 'c.csv'], files);
    expect(guessed.err).toBe('c.csv: CSV columns guessed from the header: text=body, output=gold, id=(none), task=(none) (set them with --columns)');
    expect(JSON.parse(guessed.out)).toEqual({ text: '大阪へ。', task: 'ner', output: '<社会>固有表現抽出:地名;大阪' });
    const given = await cli(['convert', '--from', 'csv', '--task', 're', '--columns', 'text=gold', 'c.csv'], files);
    expect(JSON.parse(given.out)).toEqual({ text: '<社会>固有表現抽出:地名;大阪', task: 're' });
    const lines = await cli(['convert', '--task', 're', 'p.txt'], files);
    expect(lines.out.split('\n').map((l) => JSON.parse(l) as { text: string })).toEqual([
      { text: '一。', task: 're' },
      { text: '二。', task: 're' },
    ]);
    expect(JSON.parse((await cli(['convert', '--task', 're', '--text-mode', 'whole', 'p.txt'], files)).out)).toEqual({ text: '一。\n\n二。', task: 're' });
    const stockmark = await cli(['convert', sharedPath('stockmark-ner-wikipedia.json'), '--category', '社会', '--to', 'extraction']);
    expect(stockmark.out.split('\n')).toHaveLength(5343);
  });

  it('reads a bad file of every format through --to extraction: exit 2, the file and line (or task and region) named, the good documents kept', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const good = '{"text": "東京", "task": "ner", "output": "<社会>固有表現抽出:地名;東京"}';
    const cases: [string, string, string | Uint8Array, string][] = [
      ['records', 'r.jsonl', `${good}\n{"text": 1, "task": "ner"}`, 'r.jsonl:2: "text" is missing or not a string'],
      ['training', 't.jsonl', `{"input": "東京\\n<社会><文芸><学問><技術><自然>\\n固有表現抽出", "output": "<社会>固有表現抽出"}\n{"output": "x"}`, 't.jsonl:2: "input" is missing or not a string'],
      ['extraction', 'x.jsonl', '{"id": "a", "text": "東京", "extraction": {"task": "ner", "category": null, "entities": [], "relations": [], "events": []}}\n{"text": "a"}', 'x.jsonl:2: extraction:'],
      ['doccano', 'd.jsonl', '{"text": "東京", "label": [[0, 2, "地名"]]}\n{"text": "東京", "label": [[0, 9, "地名"]]}', 'd.jsonl:2: [0,9,"地名"] is not a span'],
      ['label-studio', 'l.json', JSON.stringify([{ id: 1, data: { text: '東京' }, annotations: [{ result: [{ id: 'ok', type: 'labels', value: { start: 0, end: 2, text: '東京', labels: ['地名'] } }, { id: 'r', type: 'labels', value: { start: 0, end: 1, text: '大', labels: ['地名'] } }] }] }]), 'l.json: task 1, region r: its text "大" is not the text at 0–1'],
      ['brat', 'b.zip', zipSync({ 'a.txt': strToU8('東京'), 'a.ann': strToU8('T1\tLOCATION 0 2\t東京\nT2\tLOCATION 0 2\t大阪\n') }), 'b.zip:a.ann:2: T2: its text "大阪"'],
      ['conll', 'n.conll', '東\tB-地名\n京\tI-地名\n\n大\tX-地名\n', 'n.conll:4: tag "X-地名" is not O or B-/I-/E-/S-TYPE'],
      ['tcree-csv', 'c.csv', '今月8日、吉田秀彦が引退。イベント抽出,,スポーツ,,イベント抽出:吉田秀彦;引退;今月8日:\n壊れた行,,スポーツ\n', 'c.csv:2: expected five columns'],
      ['mmm', 'm.jsonl', '{"id": 1, "input": "東京。固有表現抽出", "output": "固有表現抽出:地名;東京", "label": "社会"}\n{"id": 2, "input": "東京", "output": "x", "label": "a"}', 'm.jsonl:2: the input does not end with a known IW'],
      ['stockmark', 's.json', JSON.stringify([{ curid: '1', text: '日本の首都。', entities: [{ name: '日本', span: [0, 2], type: '地名' }] }, { curid: '2', text: '東京', entities: [{ name: '大阪', span: [0, 2], type: '地名' }] }]), 's.json: entry 2: curid 2: entity "大阪" does not match'],
      ['csv', 'h.csv', 'text,gold\n東京,<社会>固有表現抽出\n,x\n', 'h.csv:3: the text column "text" is empty'],
      // One stray NUL in a text (fewer than 1 in 1,000 characters) refuses its line, not the file.
      ['text', 'p.txt', `東京。\n${'あ'.repeat(2000)}\u0000\n`, 'p.txt:2: this line holds a NUL byte'],
    ];
    for (const [format, name, content, message] of cases) {
      const extra = format === 'csv' ? ['--columns', 'text=text,output=gold', '--task', 'ner'] : format === 'text' ? ['--task', 'ner'] : [];
      const r = await cli(['convert', '--from', format, '--to', 'extraction', ...extra, name], { [name]: content });
      expect(r.code, format).toBe(2);
      expect(r.err, format).toContain(message);
      // Every good document of the file is converted all the same.
      expect(r.out.split('\n').filter(Boolean).length, format).toBe(1);
    }
  });

  it('names what it cannot do: a format with no reader yet, an unknown one, a bad table, a binary file', async () => {
    expect((await cli(['convert', '--from', 'nope', 'x'])).err).toMatch(/--from must be one of stockmark, .*conll/);
    expect((await cli(['convert', '--to', 'nope', 'x'])).err).toMatch(/--to must be one of .*records/);
    expect((await cli(['convert', '--to', 'csv', '--table', 'x', 'x'])).err).toMatch(/--table must be one of entities, triples, events/);
    expect((await cli(['convert', '--to', 'records', '--table', 'x', 'x'])).err).toMatch(/has no tables/);
    const binary = await cli(['convert', '--task', 'ner', 'b.txt'], { 'b.txt': 'ok\n\u0000' });
    expect(binary).toMatchObject({ code: 2, err: 'b.txt: this file is full of NUL bytes, which no text file has (binary data?); nothing was imported from it' });
    const sjis = await cli(['convert', '--task', 'ner', 's.txt'], { 's.txt': new Uint8Array([0x93, 0xfa, 0x96, 0x7b, 0x0a]) });
    expect(sjis).toMatchObject({ code: 0, out: '{"text":"日本","task":"ner"}', err: 's.txt: read as shift_jis (set it with --encoding)' });
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

  it('runs as `npm run giellm --`, and writes a brat zip to the file -o names', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const viaNpm = spawnSync('npm', ['run', '-s', 'giellm', '--', 'prompt', '--task', 'ner', '--text', '東京'], { cwd: root, encoding: 'utf8' });
    expect(viaNpm.stdout).toBe('東京\n<社会><文芸><学問><技術><自然>\n固有表現抽出\n');
    const dir = mkdtempSync(join(tmpdir(), 'giellm-cli-'));
    const zip = join(dir, 'brat.zip');
    const r = spawnSync(bin, ['convert', '--to', 'brat', '-o', zip, TCREE], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readFileSync(zip).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses binary and non-UTF-8 files by name instead of echoing their bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'giellm-cli-'));
    const binary = join(dir, 'model.jsonl');
    writeFileSync(binary, Buffer.from([0x7b, 0x22, 0x00, 0xff, 0x10, 0x0a]));
    const b = spawnSync(bin, ['parse', binary], { encoding: 'utf8' });
    expect(b.status).toBe(2);
    expect(b.stderr.trim()).toBe(`giellm parse: ${binary}: binary data (a NUL byte at offset 2), not a text file`);
    expect(b.stdout).toBe('');
    const sjis = join(dir, 'sjis.jsonl');
    // {"text": "日本", ...} saved as Shift_JIS: 日本 = 93 fa 96 7b.
    writeFileSync(sjis, Buffer.concat([Buffer.from('{"text": "'), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from('", "task": "ner", "output": "<社会>"}\n')]));
    const s = spawnSync(bin, ['parse', sjis], { encoding: 'utf8' });
    expect(s.status).toBe(2);
    expect(s.stderr).toContain(`${sjis}: not UTF-8 text (another encoding such as Shift_JIS or EUC-JP`);
    // A replacement character written as valid UTF-8 is content, not a sign of binary data.
    const fffd = join(dir, 'fffd.jsonl');
    writeFileSync(fffd, '{"text": "文字化け\uFFFDあり", "task": "ner", "output": "<社会>固有表現抽出"}\n');
    expect(spawnSync(bin, ['parse', fffd], { encoding: 'utf8' }).status).toBe(0);
  });
});

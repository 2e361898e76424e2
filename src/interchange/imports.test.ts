import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { extract } from '../extract.ts';
import { loadTcree } from '../testing/sharedData.ts';
import { csvHeader, fromCsv, guessMapping } from './csvImport.ts';
import { fromTcreeCsv, looksLikeTcreeCsv } from './tcreeCsv.ts';
import { toBrat, toBratAnn } from './brat.ts';
import { fromTrainingJsonl, toTrainingJsonl } from './training.ts';
import { fromExtractionJsonl } from './extractionJsonl.ts';
import { toExtractionJsonl } from './extractionJsonlWriter.ts';

describe('CSV with a header mapping', () => {
  const csv = 'id,sentence,gold,task\n1,"東京で会見した。",<社会>固有表現抽出:地名;東京,ner\n2,"改行を\n含む文",,固有表現抽出\n3,,x,ner\n4,文,,unknown\n';
  it('guesses a mapping from header names and reads rows with their lines', () => {
    const header = csvHeader(csv);
    expect(header).toEqual(['id', 'sentence', 'gold', 'task']);
    const mapping = guessMapping(header);
    expect(mapping).toEqual({ text: 'sentence', output: 'gold', id: 'id', task: 'task' });
    const r = fromCsv(csv, 'a.csv', mapping, 're', P);
    expect(r.records).toEqual([
      { id: '1', text: '東京で会見した。', task: 'ner', output: '<社会>固有表現抽出:地名;東京', line: 2 },
      { id: '2', text: '改行を\n含む文', task: 'ner', line: 3 },
    ]);
    // Row 3 starts on line 5, after the quoted cell that spans lines 3 and 4.
    expect(r.errors.map((e) => [e.line, e.message.slice(0, 30)])).toEqual([
      [5, 'the text column "sentence" is '],
      [6, 'unknown IW "unknown" (expected'],
    ]);
  });
  it('uses the default task without a task column and names a column that is not there', () => {
    expect(fromCsv('text\n文です\n', 'b.csv', { text: 'text', output: null, id: null, task: null }, 'ee', P).records).toEqual([{ text: '文です', task: 'ee', line: 2 }]);
    expect(fromCsv('a,b\n1,2\n', 'c.csv', { text: 'body', output: null, id: null, task: null }, 'ner', P).errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('"body" is not in the header (a, b)') });
    expect(guessMapping(['x', 'y'])).toEqual({ text: 'x', output: null, id: null, task: null });
    expect(guessMapping(['no', 'body', 'gold'])).toEqual({ text: 'body', output: 'gold', id: 'no', task: null });
  });
});

describe('TCREE CSV', () => {
  const rows = loadTcree();
  // The authors' layout: text, IW, ",,", output; one row with a label set before the IW.
  const content = ['input,,output', ...rows.map((r, i) => `${r.text}${i === 1 ? '<スポーツ><映画>' : ''}${r.iw},,${r.output}`), 'no separator here', 'テキスト,,<スポーツ>何か:'].join('\n');
  it('recognises the format and reads every real row', () => {
    expect(looksLikeTcreeCsv(content)).toBe(true);
    expect(looksLikeTcreeCsv('id,text\n1,文\n')).toBe(false);
    const r = fromTcreeCsv(content, 'tcree.csv', P);
    expect(r.records.map((x) => [x.text, x.task, x.output, x.line])).toEqual(rows.map((row, i) => [row.text, row.iw === '関係抽出' ? 're' : 'ee', row.output, i + 2]));
    expect(r.errors.map((e) => e.line)).toEqual([8, 9]);
    expect(r.errors[0]!.message).toContain('",,"');
  });
  it('keeps a source text that holds a colon and commas', () => {
    const r = fromTcreeCsv('『マイブリッジの糸』(11) 監督:山村浩二,他関係抽出,,<映画>関係抽出:山村浩二;監督;マイブリッジの糸:', 'x.csv', P);
    expect(r.records[0]).toMatchObject({ text: '『マイブリッジの糸』(11) 監督:山村浩二,他', task: 're' });
  });
});

describe('brat standoff', () => {
  it('writes entities with code-point offsets, a category note and a conf declaring the types', () => {
    const text = '𠮷野家の社長が東京で会見した。';
    const doc = { id: 'a', text, extraction: extract('<社会>固有表現抽出:法人名;𠮷野家:地名;東京:人名;いない', 'ner', P, text) };
    const r = toBratAnn(doc);
    expect(r.ann).toBe('T1\t法人名 0 3\t𠮷野家\nT2\t地名 7 9\t東京\n#1\tAnnotatorNotes T1\tcategory: 社会\n');
    expect(r.skipped).toBe(1);
    const b = toBrat([doc]);
    expect(b.files.map((f) => f.name)).toEqual(['0001.txt', '0001.ann', 'annotation.conf', 'categories.tsv']);
    expect(b.files[2]!.content).toMatch(/\[entities\]\n法人名\n地名\n/);
    expect(b.files[3]!.content).toBe('file\tid\tcategory\n0001\ta\t社会\n');
  });
  it('writes relations and events over shared argument spans', () => {
    const [ee, re] = loadTcree();
    const ev = toBratAnn({ id: null, text: ee!.text, extraction: extract(ee!.output, 'ee', P, ee!.text) });
    expect(ev.ann.split('\n').filter((l) => l.startsWith('E'))).toEqual([expect.stringMatching(/^E1\t引退:T\d Subject:T\d Time:T\d$/)]);
    const rel = toBratAnn({ id: null, text: re!.text, extraction: extract(re!.output, 're', P, re!.text) });
    expect(rel.ann).toContain('R1\t所属 Arg1:T1 Arg2:T2');
    expect(rel.ann).toContain('T2\tArgument 20 23\t東海大');
    const conf = toBrat([{ id: null, text: re!.text, extraction: extract(re!.output, 're', P, re!.text) }]).files.at(-2)!.content;
    expect(conf).toContain('所属\tArg1:Argument, Arg2:Argument');
  });
});

describe('training JSONL and Extraction JSONL read back', () => {
  const docs = loadTcree().map((r, i) => {
    const task = r.iw === '関係抽出' ? ('re' as const) : ('ee' as const);
    return { id: `t${i}`, text: r.text, extraction: extract(r.output, task, P, r.text) };
  });
  it('training JSONL → records → training JSONL is the same file, for both separators', () => {
    for (const profile of [P, { ...P, partSeparator: 'none' as const }]) {
      const first = toTrainingJsonl(docs, profile);
      const back = fromTrainingJsonl(first, 'train.jsonl', profile);
      expect(back.errors).toEqual([]);
      expect(back.records.map((r) => [r.id, r.text, r.task])).toEqual(docs.map((d) => [d.id, d.text, d.extraction.task]));
      const again = toTrainingJsonl(back.records.map((r) => ({ id: r.id ?? null, text: r.text, extraction: extract(r.output!, r.task, profile, r.text) })), profile);
      expect(again).toBe(first);
    }
    const bad = fromTrainingJsonl('{"input": "文だけ"}\n{"output": "x"}\n[1]', 'b.jsonl', P);
    expect(bad.errors.map((e) => [e.line, e.message.slice(0, 36)])).toEqual([
      [1, 'the input does not end with an IW of'],
      [2, '"input" is missing or not a string'],
      [3, 'expected a JSON object, one per line'],
    ]);
  });
  it('Extraction JSONL round-trips offsets exactly and refuses offsets that do not hold their string', () => {
    const text = toExtractionJsonl(docs);
    const back = fromExtractionJsonl(text, 'x.jsonl');
    expect(back.errors).toEqual([]);
    expect(toExtractionJsonl(back.records)).toBe(text);
    const moved = JSON.parse(text.split('\n')[1]!) as { extraction: { relations: { offsets: { head: number[] } }[] } };
    moved.extraction.relations[0]!.offsets.head = [0, 4];
    const r = fromExtractionJsonl(`${JSON.stringify(moved)}\n{"text": 1}`, 'y.jsonl');
    expect(r.errors.map((e) => e.message)).toEqual(['relation 1\'s head "国母和宏" is not at 0–4 in the text', 'text: Invalid input: expected string, received number']);
  });
});

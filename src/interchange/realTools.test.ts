import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { newDocument, type CorpusDocument, type ImportedDocument } from '../corpus/document.ts';
import { loadStockmark, loadTcree } from '../testing/sharedData.ts';
import { exportDocuments, formatById, type FormatId, type ReadOutcome } from './formats.ts';
import { readFileBytes } from './readFile.ts';
import { storageName } from './brat.ts';

// Fixtures are written the way each tool writes its files (cited at each), with 𠮷, emoji and CRLF, and
// every span read is checked against the text; exports are checked against each tool's own rules.

const enc = (s: string) => new TextEncoder().encode(s);
const read = async (name: string, content: string | Uint8Array, opts: { task?: 'ner' | 're' | 'ee' | 'se-rw'; category?: string | null } = {}) => {
  const r = await readFileBytes(typeof content === 'string' ? enc(content) : content, { file: name, profile: P, ...opts });
  return r;
};
const docsOf = (r: ReadOutcome) => {
  if (!('docs' in r)) throw new Error(`not read: ${JSON.stringify(r)}`);
  return r.docs;
};
const stored = (docs: ImportedDocument[], source = 'f') => docs.map((d, i) => ({ ...newDocument(d, source, 0, P), id: i + 1 }));
/** Every span of a document, as the text at its offsets: what a tool would show. */
const spansOf = (d: ImportedDocument) => {
  const x = d.annotation ?? d.prediction?.extraction;
  const chars = [...d.text];
  const at = (o: readonly [number, number] | null) => (o ? chars.slice(o[0], o[1]).join('') : null);
  return {
    entities: x?.entities.map((e) => [e.label, at([e.start!, e.end!])]) ?? [],
    relations: x?.relations.map((r) => [at(r.offsets.head), r.relation, at(r.offsets.tail)]) ?? [],
    events: x?.events.map((e) => [at(e.offsets.subject), at(e.offsets.trigger), at(e.offsets.object), at(e.offsets.time)]) ?? [],
    category: x?.category ?? null,
  };
};
const exportAs = async (id: FormatId, docs: CorpusDocument[], variant?: string) => exportDocuments({ value: id, format: formatById(id)!, variant }, docs, P);
const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : strFromU8(c));

const ASTRAL = '𠮷野家の社長が😀東京で会見。';
// In UTF-16 (JavaScript, doccano): 𠮷 is 2 units, 😀 is 2 units. 𠮷野家 = [0, 4); 東京 = [10, 12).
// In code points (Python, Label Studio, brat): 𠮷野家 = [0, 3); 東京 = [8, 10).

describe('doccano (doccano/doccano backend/data_import/pipeline/examples, data_export/pipeline/examples)', () => {
  it('reads each project type of its own examples, the task from the content', async () => {
    const seq = docsOf(await read('seq.jsonl', '{"text": "EU rejects German call to boycott British lamb.", "label": [ [0, 2, "ORG"], [11, 17, "MISC"] ]}\n'));
    expect(spansOf(seq[0]!)).toMatchObject({ entities: [['ORG', 'EU'], ['MISC', 'German']], category: null });
    expect(seq[0]!.task).toBe('ner');
    const cls = docsOf(await read('cls.jsonl', '{"text": "Terrible customer service.", "label": ["negative"]}\n', { task: 'se-rw' }));
    expect(spansOf(cls[0]!).category).toBe('negative');
    const intent = docsOf(await read('intent.jsonl', '{"text": "Find a flight from Memphis to Tacoma", "entities": [[0, 26, "City"], [30, 36, "City"]], "cats": ["flight"]}\n'));
    expect(spansOf(intent[0]!)).toMatchObject({ entities: [['City', 'Find a flight from Memphis'], ['City', 'Tacoma']], category: 'flight' });
    const rel = await read(
      'rel.jsonl',
      '{"text":"Google was founded on September 4, 1998, by Larry Page and Sergey Brin.","entities":[{"id":0,"start_offset":0,"end_offset":6,"label":"ORG"},{"id":1,"start_offset":22,"end_offset":39,"label":"DATE"}],"relations":[{"id":0,"from_id":0,"to_id":1,"type":"foundedAt"}]}\n',
    );
    expect(docsOf(rel)[0]!.task).toBe('re');
    expect(spansOf(docsOf(rel)[0]!).relations).toEqual([['Google', 'foundedAt', 'September 4, 1998']]);
    // The entity labels of relation arguments are said, not silently lost.
    expect('losses' in rel && rel.losses.map((l) => l.code)).toEqual(['argument-label-not-held', 'argument-label-not-held']);
  });

  it('counts UTF-16 units (v-annotator Text.ts:26-29 sums each grapheme’s JS length)', async () => {
    const d = docsOf(await read('a.jsonl', `{"text": "${ASTRAL}", "label": [[0, 4, "法人名"], [10, 12, "地名"]]}\n`))[0]!;
    expect(spansOf(d).entities).toEqual([['法人名', '𠮷野家'], ['地名', '東京']]);
    const out = text((await exportAs('doccano', stored([d]))).file.content);
    expect(JSON.parse(out).label).toEqual([[0, 4, '法人名'], [10, 12, '地名']]);
    // An offset inside a surrogate pair is refused with its line, not moved.
    const bad = await read('b.jsonl', `{"text": "${ASTRAL}", "label": [[1, 4, "法人名"]]}\n`);
    expect('docs' in bad && bad.errors[0]).toMatchObject({ file: 'b.jsonl', line: 1, message: expect.stringContaining('UTF-16') });
  });

  it('writes one project type a file, and one entity for a span shared by two relations', async () => {
    const t = '山田は東京大学の教授で、東京大学は東京にある。';
    const x = extract('<社会>関係抽出:山田;所属;東京大学::東京大学;所在;東京:', 're', P, t);
    // The parser aligns the second 東京大学 to its first mention, so both relations share that span.
    const out = JSON.parse(text((await exportAs('doccano', stored([{ line: 1, recordId: 'r1', text: t, task: 're', output: null, annotation: x }]))).file.content));
    const ids = out.entities.map((e: { start_offset: number; end_offset: number }) => `${e.start_offset}-${e.end_offset}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(out.relations.map((r: { type: string }) => r.type)).toEqual(['所属', '所在']);
    expect(out).not.toHaveProperty('cats');
  });
});

describe('Label Studio (code points: web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts)', () => {
  const task = (result: unknown[], key: 'annotations' | 'predictions' = 'annotations') =>
    JSON.stringify([{ id: 7, data: { text: ASTRAL }, [key]: [{ id: 1, result, ...(key === 'predictions' ? { model_version: 'm1' } : {}) }] }]);
  const region = (id: string, start: number, end: number, t: string, label: string, from = 'ner') => ({ id, from_name: from, to_name: 'text', type: 'labels', value: { start, end, text: t, labels: [label] } });

  it('reads regions in code points, any from_name, choices as the category', async () => {
    const d = docsOf(await read('ls.json', task([region('a', 0, 3, '𠮷野家', '法人名'), region('b', 8, 10, '東京', '地名'), { id: 'c', from_name: 'topic', to_name: 'text', type: 'choices', value: { choices: ['社会'] } }])))[0]!;
    expect(spansOf(d)).toMatchObject({ entities: [['法人名', '𠮷野家'], ['地名', '東京']], category: '社会' });
  });

  it('refuses a region whose text is not at its offsets, naming task and region', async () => {
    const r = await read('ls.json', task([region('a', 0, 3, '𠮷野家', '法人名'), region('bad', 9, 11, '東京', '地名')]));
    expect('docs' in r && r.errors[0]!.message).toMatch(/^task 7, region bad: its text "東京" is not the text at 9–11/);
    expect(spansOf(docsOf(r)[0]!).entities).toEqual([['法人名', '𠮷野家']]);
  });

  it('reads predictions as a model’s (to review) and writes them back as predictions', async () => {
    const d = docsOf(await read('ls.json', task([region('a', 8, 10, '東京', '地名')], 'predictions')))[0]!;
    expect(d.prediction?.model).toBe('m1');
    expect(d.annotation).toBeUndefined();
    const zip = unzipSync((await exportAs('label-studio', stored([d]))).file.content as Uint8Array);
    const tasks = JSON.parse(strFromU8(zip['label-studio-tasks.json']!));
    expect(tasks[0]).not.toHaveProperty('annotations');
    expect(tasks[0].predictions[0]).toMatchObject({ model_version: 'm1', result: [{ type: 'labels', value: { start: 8, end: 10, text: '東京', labels: ['地名'] } }] });
    const config = strFromU8(zip['label-studio-config.xml']!);
    expect(config).toContain('<Labels name="label" toName="text">');
    expect(config).toMatch(/<Label value="地名" background="#[0-9a-f]{6}"\/>/);
  });

  it('writes events as a trigger region with role relations, and reads them back', async () => {
    const t = loadTcree().find((r) => r.iw === 'イベント抽出')!;
    const x = extract(t.output, 'ee', P, t.text);
    const zip = unzipSync((await exportAs('label-studio', stored([{ line: 1, recordId: 'e1', text: t.text, task: 'ee', output: null, annotation: x }]))).file.content as Uint8Array);
    const back = docsOf(await read('ls.json', strFromU8(zip['label-studio-tasks.json']!)))[0]!;
    expect(back.task).toBe('ee');
    expect(spansOf(back).events).toEqual(spansOf({ line: 1, recordId: null, text: t.text, task: 'ee', output: null, annotation: x }).events);
  });
});

describe('brat (nlplab/brat server/src/projectconfig.py:189-210, annotation.py:1303-1380)', () => {
  it('stores types in ASCII, with Japanese labels in visual.conf, and T text as the document has it', async () => {
    expect(storageName('人名')).toBe('PERSON');
    expect(storageName('地名')).not.toBe(storageName('人名'));
    expect(storageName('所属')).toMatch(/^[A-Za-z0-9_-]+$/);
    const t = '東京\r\n大阪の𠮷野家';
    const x = extract('<社会>固有表現抽出:地名;東京大阪:法人名;𠮷野家', 'ner', P, t);
    const zip = unzipSync((await exportAs('brat', stored([{ line: 1, recordId: 'd1', text: t, task: 'ner', output: null, annotation: { ...x, entities: [{ label: '地名', text: '東京\r\n大阪', start: 0, end: 6 }, ...x.entities.slice(1)] } }]))).file.content as Uint8Array);
    const txt = strFromU8(zip['brat/0001.txt']!);
    const ann = strFromU8(zip['brat/0001.ann']!);
    expect(txt).toBe('東京\n大阪の𠮷野家');
    // The span across the line break is written as fragments, its text the fragments joined by a space.
    expect(ann).toContain('T1\tLOCATION 0 2;3 5\t東京 大阪');
    expect(ann).toContain('T2\tCORPORATION 6 9\t𠮷野家');
    for (const line of ann.trim().split('\n').filter((l) => l.startsWith('T'))) {
      const [, spec, body] = line.split('\t');
      const frags = spec!.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
      expect(body).toBe(frags.map(([s, e]) => [...txt].slice(s, e).join('')).join(' '));
    }
    expect(strFromU8(zip['brat/visual.conf']!)).toContain('LOCATION | 地名');
    expect(strFromU8(zip['brat/annotation.conf']!)).toMatch(/\[entities\]\nLOCATION\nCORPORATION/);
    // And the zip reads back, re-zipped as a user's brat directory would be: spans, category and task.
    const r = await read('brat.zip', zipSync(zip));
    const d = docsOf(r)[0]!;
    expect(spansOf(d)).toEqual({ entities: [['地名', '東京\n大阪'], ['法人名', '𠮷野家']], relations: [], events: [], category: '社会' });
    expect('losses' in r && r.losses).toEqual([]);
  });

  it('refuses a T line whose text is not the document’s, as brat does', async () => {
    const z = zipSync({ 'a.txt': enc('東京で会見'), 'a.ann': enc('T1\tLOCATION 0 2\t大阪\nT2\tLOCATION 0 2\t東京\n') });
    const r = await read('c.zip', z);
    expect('docs' in r && r.errors).toEqual([{ file: 'c.zip:a.ann', line: 1, message: 'T1: its text "大阪" is not the document\'s "東京" at those offsets', problem: expect.objectContaining({ code: 'brat-span-text' }) }]);
    expect(spansOf(docsOf(r)[0]!).entities).toEqual([['地名', '東京']]);
  });
});


describe('CoNLL BIO (doccano parsers.py:268-345)', () => {
  it('writes one character a line with IOB2 tags and reads it back; says what it cannot hold', async () => {
    const t = '𠮷野家が東京に';
    const x = extract('<社会>固有表現抽出:法人名;𠮷野家:地名;東京:地名;東京に', 'ner', P, t);
    const out = await exportAs('conll', stored([{ line: 1, recordId: 'c', text: t, task: 'ner', output: null, annotation: x }]));
    // Of two overlapping spans the longer is kept (東京に over 東京), and the other is reported.
    expect(text(out.file.content)).toBe('𠮷\tB-法人名\n野\tI-法人名\n家\tI-法人名\nが\tO\n東\tB-地名\n京\tI-地名\nに\tI-地名\n');
    expect(out.losses.map((l) => l.code).sort()).toEqual(['category-not-held', 'overlap-not-held']);
    const back = docsOf(await read('x.conll', text(out.file.content)))[0]!;
    expect(back.text).toBe(t);
    expect(spansOf(back).entities).toEqual([['法人名', '𠮷野家'], ['地名', '東京に']]);
  });
});

describe('the authors’ TCREE CSV ({text}{IW},,{topic},,{IW}:…:) and MMM', () => {
  const rows = [
    'input,,topic,,output',
    '今月8日、吉田秀彦の引退試合が発表された。イベント抽出,,スポーツ,,イベント抽出:吉田秀彦;引退;今月8日:',
    '"『マイブリッジの糸』(11) 監督:山村浩二、撮影,照明。関係抽出",,映画,,関係抽出:山村浩二;監督;マイブリッジの糸:',
  ].join('\r\n');

  it('reads five columns, quoted or not, with the category restored, and writes them back the same', async () => {
    const r = await read('tcree.csv', rows);
    expect(r.format).toBe('tcree-csv');
    const docs = docsOf(r);
    expect(docs.map((d) => [d.task, d.text, d.output])).toEqual([
      ['ee', '今月8日、吉田秀彦の引退試合が発表された。', '<スポーツ>イベント抽出:吉田秀彦;引退;今月8日:'],
      ['re', '『マイブリッジの糸』(11) 監督:山村浩二、撮影,照明。', '<映画>関係抽出:山村浩二;監督;マイブリッジの糸:'],
    ]);
    const out = text((await exportAs('tcree-csv', stored(docs))).file.content);
    expect(out).toBe(rows.split('\r\n').slice(1).join('\n') + '\n');
  });

  it('does not take an ordinary headered CSV with an empty column for TCREE', async () => {
    expect((await read('c.csv', 'text,,output\n東京,,<社会>固有表現抽出\n')).format).toBe('csv');
  });

  it('reads MMM lines {id, input, output, label}, the trailing IW naming the task', async () => {
    const docs = docsOf(await read('mmm.jsonl', '{"id": 3, "input": "東京で会見。固有表現抽出", "output": "固有表現抽出:地名;東京", "label": "社会"}\n'));
    expect(docs[0]).toMatchObject({ recordId: '3', task: 'ner', text: '東京で会見。', output: '<社会>固有表現抽出:地名;東京' });
  });
});

describe('encodings', () => {
  it('reads Shift_JIS and EUC-JP as text, and says so', async () => {
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    const line = (nihon: number[]) => new Uint8Array([...ascii('{"text": "'), ...nihon, ...ascii('", "task": "ner"}\n')]);
    const sjis = await read('s.jsonl', line([0x93, 0xfa, 0x96, 0x7b]));
    expect(sjis.encoding).toBe('shift_jis');
    expect(docsOf(sjis)[0]!.text).toBe('日本');
    const euc = await read('e.jsonl', line([0xc6, 0xfc, 0xcb, 0xdc]));
    expect(euc.encoding).toBe('euc-jp');
    expect(docsOf(euc)[0]!.text).toBe('日本');
    // UTF-8 with a U+FFFD in it is text, as real corpora have it.
    expect(docsOf(await read('f.jsonl', '{"text": "壊れた\uFFFD文字", "task": "ner"}\n'))[0]!.text).toBe('壊れた\uFFFD文字');
  });
});

describe('tasks come from the file', () => {
  it('asks when the content names no task, and takes the answer', async () => {
    expect(await read('p.txt', '一行目。\n二行目。\n')).toMatchObject({ needsTask: { count: 2 } });
    expect(await read('r.jsonl', '{"text": "東京"}\n')).toMatchObject({ needsTask: { count: 1 } });
    expect(docsOf(await read('r.jsonl', '{"text": "東京", "output": "<社会>固有表現抽出:地名;東京"}\n'))[0]!.task).toBe('ner');
    expect(docsOf(await read('p.txt', '一行目。\n', { task: 're' }))[0]!.task).toBe('re');
  });
});

describe('stockmark', () => {
  it('gives each sentence a unique id (curid-n) and keeps curid beside it', async () => {
    const sentences = loadStockmark().slice(0, 200);
    const docs = docsOf(await read('ner.json', JSON.stringify(sentences), { category: '社会' }));
    expect(docs[0]!.output).toMatch(/^<社会>固有表現抽出/);
    expect(new Set(docs.map((d) => d.recordId)).size).toBe(docs.length);
    expect(docs[0]).toMatchObject({ recordId: `${sentences[0]!.curid}-1`, sourceId: String(sentences[0]!.curid) });
  });
});

describe('exports say what they leave out', () => {
  it('neutralises formula cells and starts CSV with a BOM; training data only of annotated documents; refuses what cannot be read back', async () => {
    const x = extract('<社会>固有表現抽出:地名;=SUM(A1)', 'ner', P, '=SUM(A1)は数式');
    const docs = stored([
      { line: 1, recordId: 'a', text: '=SUM(A1)は数式', task: 'ner', output: null, annotation: x },
      { line: 2, recordId: 'b', text: '注釈なし', task: 'ner', output: null },
      { line: 3, recordId: 'c', text: '東京:大阪', task: 'ner', output: null, annotation: { ...x, entities: [{ label: '地名', text: '東京:大阪', start: 0, end: 5 }] } },
    ]);
    const csv = text((await exportAs('csv', docs, 'entities')).file.content);
    expect(csv.startsWith('\uFEFFdoc,category,label,text,start,end\n')).toBe(true);
    expect(csv).toContain("a,社会,地名,'=SUM(A1),0,8");
    const training = await exportAs('training', docs);
    expect(text(training.file.content).trim().split('\n')).toHaveLength(1);
    expect(training.losses).toEqual([
      { code: 'no-annotation', doc: 'b' },
      { code: 'unreadable-output', doc: 'c', item: 'item 1 (地名;東京:大阪)' },
    ]);
  });
});

describe('Extraction JSONL', () => {
  it('reads back its own export where a span was aligned through width/NFKC (the model wrote ＳＰＲｉＮＧＳ)', async () => {
    const t = 'SPRiNGSと最も仲の良いライバルグループ。';
    const x = extract('<社会>固有表現抽出:その他の組織名;ＳＰＲｉＮＧＳ', 'ner', P, t);
    expect(x.entities[0]).toMatchObject({ text: 'ＳＰＲｉＮＧＳ', start: 0, end: 7 });
    const out = await exportAs('extraction', stored([{ line: 1, recordId: 's', text: t, task: 'ner', output: null, annotation: x }]));
    const r = await read('x.jsonl', text(out.file.content));
    expect('docs' in r && r.errors).toEqual([]);
    expect(spansOf(docsOf(r)[0]!).entities).toEqual([['その他の組織名', 'SPRiNGS']]);
    // A span whose text is not the text there, under any width, is still refused.
    const bad = text(out.file.content).replace('"start":0', '"start":1');
    expect(await read('y.jsonl', bad)).toMatchObject({ errors: [{ file: 'y.jsonl', line: 1, message: expect.stringContaining('is not at 1–7') }] });
  });
});

describe('export → import → export is byte-identical', () => {
  const corpus = (): CorpusDocument[] => {
    const ner = loadStockmark()
      .slice(0, 40)
      .map((s, i): ImportedDocument => ({ line: i + 1, recordId: `n${i}`, text: s.text, task: 'ner', output: null, annotation: extract(`<社会>固有表現抽出${s.entities.map((e) => `:${e.type};${e.name}`).join('')}`, 'ner', P, s.text) }));
    const tc = loadTcree().map((r, i): ImportedDocument => {
      const task = r.iw === '関係抽出' ? 're' : 'ee';
      return { line: i + 1, recordId: `t${i}`, text: r.text, task, output: null, annotation: extract(r.output, task, P, r.text) };
    });
    return stored([...ner, ...tc]);
  };
  for (const id of ['extraction', 'doccano', 'label-studio', 'brat', 'training', 'records', 'tcree-csv'] as const) {
    it(id, async () => {
      const first = await exportAs(id, id === 'tcree-csv' ? corpus().filter((d) => d.task !== 'ner') : corpus());
      // Documents with no item name no task: the user answers for them, as the import asks.
      const back = docsOf(await read(first.file.name, first.file.content, { task: 'ner' }));
      const second = await exportAs(id, stored(back));
      expect(text(second.file.content)).toBe(text(first.file.content));
    });
  }
});

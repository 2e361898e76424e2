import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { parseOutput } from '../format/parseOutput.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import { buildInput } from '../format/buildInput.ts';
import { emptyExtraction, type TaskId } from '../domain/types.ts';
import { loadStockmark, loadTcree } from '../testing/sharedData.ts';
import type { AnnotatedDocument } from './document.ts';
import { TextIndex } from '../text/textIndex.ts';
import { fromDoccano, toDoccano } from './doccano.ts';
import { fromLabelStudio, toLabelStudio } from './labelStudio.ts';
import { toTrainingJsonl } from './training.ts';
import { entitiesCsv, triplesCsv } from './csv.ts';

const nerDocs = (): AnnotatedDocument[] =>
  loadStockmark()
    .slice(0, 300)
    .map((s) => {
      const gold = { ...emptyExtraction('ner', '社会'), entities: s.entities.map((e) => ({ label: e.type, text: e.name })) };
      return { id: s.curid, text: s.text, extraction: extract(serializeOutput(gold, 'ner', P), 'ner', P, s.text) };
    });
const reDocs = (): AnnotatedDocument[] =>
  loadTcree()
    .filter((r) => r.iw === '関係抽出')
    .map((r, i) => ({ id: `re${i}`, text: r.text, extraction: extract(r.output, 're' as TaskId, P, r.text) }));
const surrogate: AnnotatedDocument = { id: 's', text: '𠮷野家と𩸽定食', extraction: extract('<社会>固有表現抽出:法人名;𠮷野家:製品名;𩸽定食', 'ner', P, '𠮷野家と𩸽定食') };

describe('offset units', () => {
  it('converts code points and UTF-16 units both ways', () => {
    const t = new TextIndex('𠮷野家と𩸽');
    expect([0, 1, 3, 4, 5].map((cp) => t.unitOf(cp))).toEqual([0, 2, 4, 5, 7]);
    expect([0, 2, 4, 5, 7].map((u) => t.cp(u))).toEqual([0, 1, 3, 4, 5]);
    expect(t.slice(1, 4)).toBe('野家と');
  });
});

describe('doccano', () => {
  it('round-trips entities (300 stockmark sentences), relations (TCREE) and code-point offsets', () => {
    for (const docs of [nerDocs(), reDocs(), [surrogate]]) {
      const task = docs[0]!.extraction.task;
      const back = fromDoccano(docs.map(toDoccano).join('\n'), 'x.jsonl', task);
      expect(back.errors).toEqual([]);
      expect(back.records).toEqual(docs.map((d, i) => ({ ...d, extraction: { ...d.extraction, warnings: [] }, line: i + 1 })));
    }
  });

  it('reports bad lines and keeps the good ones, with the lines they came from', () => {
    const r = fromDoccano('{"text": "東京", "label": [[0, 9, "地名"]]}\n\nnope\n{"text": "東京", "label": [[0, 2, "地名"]]}', 'd.jsonl', 'ner');
    expect(r.records.map((d) => d.line)).toEqual([4]);
    expect(r.errors.map((e) => e.line)).toEqual([1, 3]);
  });
});

describe('Label Studio', () => {
  it('round-trips, converting offsets to UTF-16 and back', () => {
    for (const docs of [nerDocs().slice(0, 50), reDocs(), [surrogate]]) {
      const json = toLabelStudio(docs);
      const back = fromLabelStudio(json, 'ls.json', docs[0]!.extraction.task);
      expect(back.errors).toEqual([]);
      expect(back.records).toEqual(docs.map((d) => ({ ...d, extraction: { ...d.extraction, warnings: [] } })));
    }
    const region = JSON.parse(toLabelStudio([surrogate]))[0].annotations[0].result[1];
    expect(region.value).toMatchObject({ start: 5, end: 9, text: '𩸽定食' }); // 𩸽 is two UTF-16 units
  });
});

describe('GIELLM training JSONL', () => {
  it('writes input exactly as buildInput and output exactly as serializeOutput', () => {
    const docs = reDocs();
    const lines = toTrainingJsonl(docs, P).split('\n').map((l) => JSON.parse(l) as { id: string; input: string; output: string });
    lines.forEach((l, i) => {
      expect(l.input).toBe(buildInput(docs[i]!.text, 're', P));
      expect(l.output).toBe(loadTcree().filter((r) => r.iw === '関係抽出')[i]!.output);
      expect(parseOutput(l.output, 're', P).relations).toEqual(docs[i]!.extraction.relations.map(({ head, relation, tail }) => ({ head, relation, tail })));
    });
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks so the rows read back', () => {
    const doc: AnnotatedDocument = { id: 'q', text: 'a,"b"\nc', extraction: extract('<社会>固有表現抽出:製品名;a,"b"', 'ner', P, 'a,"b"\nc') };
    const rows = Papa.parse<string[]>(entitiesCsv([doc]), { skipEmptyLines: true }).data;
    expect(rows).toEqual([['doc', 'category', 'label', 'text', 'start', 'end'], ['q', '社会', '製品名', 'a,"b"', '0', '5']]);
    expect(Papa.parse<string[]>(triplesCsv(reDocs()), { skipEmptyLines: true }).data[1]).toEqual(['re0', 'スポーツ', '国母和宏', '所属', '東海大']);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { ACCEPT, detectFormat, EXPORT_TARGETS, FORMAT_IDS, FORMATS } from './formats.ts';
import { readFileBytes } from './readFile.ts';

const samples: Record<string, [string, string]> = {
  stockmark: ['ner.json', '[{"curid": "1", "text": "日本の首都。", "entities": [{"name": "日本", "span": [0, 2], "type": "地名"}]}]'],
  extraction: ['x.jsonl', '{"id": "a", "text": "東京", "extraction": {"task": "ner", "category": null, "entities": [], "relations": [], "events": [], "warnings": []}}'],
  training: ['t.jsonl', '{"input": "東京\\n<社会><文芸><学問><技術><自然>\\n固有表現抽出", "output": "<社会>固有表現抽出"}'],
  'label-studio': ['ls.json', '[{"id": 1, "data": {"text": "東京"}, "annotations": [{"result": []}]}]'],
  doccano: ['d.jsonl', '{"text": "東京", "label": [[0, 2, "地名"]]}'],
  'tcree-csv': ['t.csv', '今月8日、吉田秀彦が引退。イベント抽出,,スポーツ,,イベント抽出:吉田秀彦;引退;今月8日:'],
  mmm: ['m.jsonl', '{"id": 1, "input": "東京。固有表現抽出", "output": "固有表現抽出:地名;東京", "label": "社会"}'],
  conll: ['n.conll', '東\tB-地名\n京\tI-地名\n。\tO'],
  csv: ['c.csv', 'body,gold\n大阪へ。,<社会>固有表現抽出'],
  records: ['r.jsonl', '{"text": "東京", "task": "ner"}'],
  text: ['p.txt', '東京で会見。'],
};

describe('the format registry', () => {
  it('has one entry per format id, in the issue’s spelling', () => {
    expect(FORMATS.map((f) => f.id).sort()).toEqual([...FORMAT_IDS].sort());
    expect(FORMAT_IDS).toEqual(['records', 'training', 'extraction', 'doccano', 'label-studio', 'brat', 'conll', 'csv', 'tcree-csv', 'stockmark', 'mmm', 'text']);
    // Every format is read (brat from a zip), and all but the read-only sources are written.
    for (const f of FORMATS) expect(Boolean(f.read || f.readArchive), f.id).toBe(true);
    expect(FORMATS.filter((f) => !f.write).map((f) => f.id)).toEqual(['stockmark', 'mmm', 'text']);
  });

  it('detects each readable format from what the file holds, then its name', () => {
    for (const [id, [name, content]] of Object.entries(samples)) expect(detectFormat(content, name, P).id, id).toBe(id);
    // A first line longer than the usual head is read whole.
    const long = `{"id": "a", "text": "${'あ'.repeat(30_000)}", "extraction": {"task": "ner"}}`;
    expect(detectFormat(long, 'x.jsonl', P).id).toBe('extraction');
  });

  it('reads each sample into documents, or asks for a CSV mapping', async () => {
    for (const [id, [name, content]] of Object.entries(samples)) {
      const r = await readFileBytes(new TextEncoder().encode(content), { file: name, task: 're', profile: P });
      if (id === 'csv') expect(r).toMatchObject({ needsMapping: { header: ['body', 'gold'], mapping: { text: 'body', output: 'gold' } } });
      // stockmark has no categories: the import asks for one (or none) first.
      else if (id === 'stockmark') expect(r).toMatchObject({ needsCategory: { task: 'ner', categories: P.categories.ner } });
      else expect('docs' in r && r.docs.length, id).toBe(1);
    }
  });

  it('builds the accept list and the export menu from the same table', () => {
    expect(ACCEPT.split(',')).toEqual(expect.arrayContaining(['.jsonl', '.json', '.csv', '.tsv', '.txt', '.zip', '.conll', 'text/plain', 'text/csv', 'application/json']));
    expect(EXPORT_TARGETS.map((t) => t.value)).toEqual(['training', 'extraction', 'doccano', 'label-studio', 'brat', 'conll', 'tcree-csv', 'csv/entities', 'csv/triples', 'csv/events', 'records']);
    // Every writer is in the menu.
    expect(new Set(EXPORT_TARGETS.map((t) => t.format.id))).toEqual(new Set(FORMATS.filter((f) => f.write).map((f) => f.id)));
  });
});

import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { newDocument, type CorpusDocument } from '../corpus/document.ts';
import type { LocatedExtraction } from '../domain/types.ts';
import { EXPORT_TARGETS, exportDocuments, formatById } from './formats.ts';

// The second 東京 of 「東京と東京で会見」 is at [3, 5]: every writer must put it there, from the stored
// offsets, never at the first match of the string ([0, 2]).
const TEXT = '東京と東京で会見';
const doc = (annotation: LocatedExtraction, id: string): CorpusDocument => newDocument({ line: 1, recordId: id, text: TEXT, task: annotation.task, output: null, annotation }, 'f.jsonl', 0, P);
const base = { category: '社会', entities: [], relations: [], events: [], warnings: [] };
const ner = doc({ ...base, task: 'ner', entities: [{ label: '地名', text: '東京', start: 3, end: 5 }] }, 'n');
const re = doc({ ...base, task: 're', relations: [{ head: '東京', relation: '会見場所', tail: '会見', offsets: { head: [3, 5], tail: [6, 8] } }] }, 'r');
const target = (value: string) => EXPORT_TARGETS.find((t) => t.value === value)!;
const text = async (value: string, docs: CorpusDocument[]) => {
  const { file, losses } = await exportDocuments(target(value), docs, P, { bom: false });
  return { content: typeof file.content === 'string' ? file.content : '', zip: typeof file.content === 'string' ? {} : unzipSync(file.content), losses };
};

describe('writers put spans at their stored offsets', () => {
  it('doccano, Label Studio, Extraction JSONL, brat and the entity CSV', async () => {
    const dc = (await text('doccano', [ner, re])).content.trim().split('\n').map((l) => JSON.parse(l));
    expect(dc[0].entities.map((e: { start_offset: number }) => e.start_offset)).toEqual([3]);
    expect(dc[1].entities.map((e: { start_offset: number }) => e.start_offset)).toEqual([3, 6]);
    const ls = JSON.parse(strFromU8((await text('label-studio', [ner])).zip['label-studio-tasks.json']!));
    expect(ls[0].annotations[0].result.filter((r: { type: string }) => r.type === 'labels').map((r: { value: { start: number; text: string } }) => [r.value.start, r.value.text])).toEqual([[3, '東京']]);
    const ex = JSON.parse((await text('extraction', [ner])).content);
    expect(ex.extraction.entities[0]).toMatchObject({ start: 3, end: 5 });
    const ann = strFromU8((await text('brat', [ner])).zip['brat/0001.ann']!);
    expect(ann).toMatch(/^T1\t\S+ 3 5\t東京$/m);
    expect((await text('csv/entities', [ner])).content).toContain('n,社会,地名,東京,3,5');
    // And they read back where they were.
    const back = await formatById('doccano')!.read!((await text('doccano', [ner])).content, { file: 'd.jsonl', profile: P, task: 'ner' });
    expect('docs' in back && back.docs[0]!.annotation!.entities[0]).toMatchObject({ start: 3, end: 5 });
  });

  it('a relation label with ";" or a category with ">" is refused by the GIELLM writers, with the item named', async () => {
    const semicolon = doc({ ...base, task: 're', relations: [{ head: '東京', relation: 'x;y', tail: '会見', offsets: { head: [3, 5], tail: [6, 8] } }] }, 's');
    const angle = doc({ ...base, task: 'ner', category: '社>会', entities: [{ label: '地名', text: '東京', start: 3, end: 5 }] }, 'a');
    const training = await text('training', [semicolon, angle]);
    expect(training.content).toBe('');
    expect(training.losses).toEqual([
      { code: 'unreadable-output', doc: 's', item: 'item 1 (東京;x;y;会見)' },
      { code: 'unreadable-output', doc: 'a', item: 'category "社>会"' },
    ]);
    const records = await text('records', [semicolon, angle]);
    expect(records.content.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { id: 's', text: TEXT, task: 're' },
      { id: 'a', text: TEXT, task: 'ner' },
    ]);
    expect(records.losses.map((l) => [l.code, l.doc])).toEqual([
      ['unreadable-output-kept-text', 's'],
      ['unreadable-output-kept-text', 'a'],
    ]);
    expect((await text('tcree-csv', [semicolon])).losses).toHaveLength(1);
  });
});

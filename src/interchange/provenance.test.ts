import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { newDocument, type CorpusDocument } from '../corpus/document.ts';
import type { LocatedExtraction, Provenance } from '../domain/types.ts';
import { EXPORT_TARGETS, exportDocuments, formatById } from './formats.ts';
import { readFileBytes } from './readFile.ts';
import { fromBrat } from './brat.ts';
import type { Loss } from './losses.ts';

// One document of each kind of item: a model's suggestion nobody decided on, a model's item a person
// accepted, a person's change to a model's item, and a person's own item.
const TEXT = 'NTTドコモは東京と名古屋で発表した。';
const suggestion: Provenance = { by: 'model', name: 'giellm-7b', at: Date.UTC(2026, 11, 1), suggestion: true };
const accepted: Provenance = { by: 'model', name: 'giellm-7b', at: Date.UTC(2026, 11, 1), accepted: { name: '山田', at: Date.UTC(2026, 11, 2) } };
const changed: Provenance = { by: 'person', name: '山田', at: Date.UTC(2026, 11, 2), from: 'giellm-7b' };
const own: Provenance = { by: 'person', name: '山田', at: Date.UTC(2026, 11, 2) };
const annotation: LocatedExtraction = {
  task: 'ner',
  category: '技術',
  entities: [
    { label: '法人名', text: 'NTTドコモ', start: 0, end: 6, provenance: accepted },
    { label: '地名', text: '東京', start: 7, end: 9, provenance: suggestion },
    { label: '施設名', text: '名古屋', start: 10, end: 13, provenance: changed },
    { label: '地名', text: '発表', start: 14, end: 16, provenance: own },
  ],
  relations: [],
  events: [],
  warnings: [],
};
const doc: CorpusDocument = { ...newDocument({ line: 1, recordId: 'd1', text: TEXT, task: 'ner', output: null, annotation }, 'f.jsonl', 0, P), id: 1 };
const target = (value: string) => EXPORT_TARGETS.find((t) => t.value === value)!;
const write = (value: string) => exportDocuments(target(value), [doc], P, { bom: false });
const bytes = (c: string | Uint8Array) => (typeof c === 'string' ? new TextEncoder().encode(c) : c);
const readBack = async (name: string, content: string | Uint8Array) => {
  const r = await readFileBytes(bytes(content), { file: name, profile: P, task: 'ner', category: null });
  return 'docs' in r ? r.docs : [];
};

describe('exports carry who made each item', () => {
  it('Extraction JSONL keeps every provenance field, and reads it back', async () => {
    const { file, losses } = await write('extraction');
    expect(losses).toEqual([]);
    const [back] = await readBack('x.jsonl', file.content);
    expect(back!.annotation!.entities.map((e) => e.provenance)).toEqual([accepted, suggestion, changed, own]);
  });

  it('Label Studio: decided items as the annotation, each region’s origin said; the suggestion as a prediction of its model', async () => {
    const { file, losses } = await write('label-studio');
    const [task] = JSON.parse(strFromU8(unzipSync(file.content as Uint8Array)['label-studio-tasks.json']!));
    const regions = (c: { result: { type: string; value: { text?: string }; origin?: string }[] }) => c.result.filter((r) => r.type === 'labels').map((r) => [r.value.text, r.origin]);
    expect(regions(task.annotations[0])).toEqual([
      ['NTTドコモ', 'prediction'],
      ['名古屋', 'prediction-changed'],
      ['発表', 'manual'],
    ]);
    expect(task.predictions.map((p: { model_version: string }) => p.model_version)).toEqual(['giellm-7b']);
    expect(regions(task.predictions[0])).toEqual([['東京', 'prediction']]);
    // The category is the person's.
    expect(task.annotations[0].result.find((r: { type: string }) => r.type === 'choices').value.choices).toEqual(['技術']);
    // Who accepted or made each, and when, has no place there: said.
    expect(losses).toEqual([{ code: 'provenance-partly-held', doc: 'd1' }]);
    // Read back: the prediction's item is a suggestion of its model again, beside the annotation's items.
    const [back] = await readBack('ls.json', JSON.stringify([task]));
    expect(back!.annotation!.entities.map((e) => [e.text, e.provenance?.suggestion === true, e.provenance?.name])).toEqual([
      ['NTTドコモ', false, undefined],
      ['名古屋', false, undefined],
      ['発表', false, undefined],
      ['東京', true, 'giellm-7b'],
    ]);
  });

  it('brat: a note on each item (AnnotatorNotes, as brat writes them), read back whole; a note of another kind is reported', async () => {
    const { file, losses } = await write('brat');
    expect(losses).toEqual([]);
    const zip = unzipSync(file.content as Uint8Array);
    const ann = strFromU8(zip['brat/0001.ann']!);
    expect(ann).toMatch(/^#2\tAnnotatorNotes T2\tgiellm: suggestion; name="giellm-7b" at=2026-12-01T00:00:00.000Z$/m);
    const [back] = await readBack('b.zip', file.content);
    expect(back!.annotation!.entities.map((e) => e.provenance)).toEqual([accepted, suggestion, changed, own]);
    // A note a person wrote in brat is not one of these: the items hold no free notes, and the import says so.
    const withNote = { ...zip, 'brat/0001.ann': new TextEncoder().encode(`${ann}#9\tAnnotatorNotes T1\tcheck this one\n`) };
    const { zipSync } = await import('fflate');
    const r = await readFileBytes(zipSync(withNote), { file: 'b.zip', profile: P, task: 'ner', category: null });
    expect('losses' in r && r.losses.filter((l) => l.code === 'note-not-held')).toEqual([{ code: 'note-not-held', doc: 'd1', item: '#9 AnnotatorNotes T1: check this one' }]);
  });

  it('formats with no place for it say so, once a document; training data leaves the suggestion out', async () => {
    for (const value of ['doccano', 'conll', 'csv/entities', 'records']) expect((await write(value)).losses).toContainEqual({ code: 'provenance-not-held', doc: 'd1' });
    const training = await write('training');
    expect(JSON.parse(training.file.content as string).output).not.toContain('東京');
    const parsed = await formatById('doccano')!.read!((await write('doccano')).file.content as string, { file: 'd.jsonl', profile: P, task: 'ner' });
    expect('docs' in parsed && parsed.docs[0]!.annotation!.entities.some((e) => e.provenance)).toBe(false);
  });
});

describe('the label schema travels with the data', () => {
  it('colours chosen for labels go into the Label Studio config and brat’s visual.conf; the others take the palette’s', async () => {
    const profile = { ...P, labelColours: { 地名: '#112233' } };
    const ls = unzipSync((await exportDocuments(target('label-studio'), [doc], profile)).file.content as Uint8Array);
    const config = strFromU8(ls['label-studio-config.xml']!);
    expect(config).toContain('<Label value="地名" background="#112233"/>');
    expect(config).toMatch(/<Label value="人名" background="#[0-9a-f]{6}"\/>|<Label value="法人名" background="#[0-9a-f]{6}"\/>/);
    const brat = unzipSync((await exportDocuments(target('brat'), [doc], profile)).file.content as Uint8Array);
    const visual = strFromU8(brat['brat/visual.conf']!);
    expect(visual).toMatch(/^\[drawing\]$/m);
    expect(visual).toMatch(/^LOCATION\tbgColor:#112233$/m);
    expect(brat['brat/kb_shortcuts.conf']).toBeUndefined();
  });

  it('a label’s own key goes into Label Studio’s <Label hotkey> and brat’s kb_shortcuts.conf, upper-case as brat reads keys', async () => {
    const profile = { ...P, labelKeys: { 地名: 'c' } };
    const ls = unzipSync((await exportDocuments(target('label-studio'), [doc], profile)).file.content as Uint8Array);
    const config = strFromU8(ls['label-studio-config.xml']!);
    expect(config).toMatch(/<Label value="地名" background="#[0-9a-f]{6}" hotkey="c"\/>/);
    expect(config).not.toMatch(/<Label value="人名"[^>]*hotkey/);
    const brat = unzipSync((await exportDocuments(target('brat'), [doc], profile)).file.content as Uint8Array);
    expect(strFromU8(brat['brat/kb_shortcuts.conf']!)).toBe('C\tLOCATION\n');
    // The collection still reads back whole: the reader takes the files it knows.
    const losses: Loss[] = [];
    const back = fromBrat(new Map(Object.entries(brat).map(([n, b]) => [n, strFromU8(b)])), 'b.zip', P, losses);
    expect(back.errors).toEqual([]);
    expect(back.records[0]!.extraction.entities.map((e) => e.label)).toEqual(doc.annotation!.entities.map((e) => e.label));
  });
});

describe('exports carry what a review left on a document', () => {
  const reviewed: CorpusDocument = { ...doc, reviewed: 1, reviewedBy: '山田', reviewedAt: Date.UTC(2026, 11, 3), flagged: 1, comment: '固有名詞を再確認' };
  const skipped: CorpusDocument = { ...doc, id: 2, recordId: 'd2', skipped: 1 };

  it('Extraction JSONL writes reviewer, time, flag, skip and comment, and reads them back onto the document', async () => {
    const { file, losses } = await exportDocuments(target('extraction'), [reviewed, skipped, doc], P);
    expect(losses).toEqual([]);
    const lines = (file.content as string).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.review)).toEqual([{ reviewed: true, by: '山田', at: Date.UTC(2026, 11, 3), flagged: true, comment: '固有名詞を再確認' }, { skipped: true }, undefined]);
    const back = await readBack('x.jsonl', file.content);
    const review = (d: Partial<CorpusDocument>) => [d.reviewed, d.reviewedBy, d.reviewedAt, d.flagged, d.skipped, d.comment];
    expect(back.map(review)).toEqual([[1, '山田', Date.UTC(2026, 11, 3), 1, undefined, '固有名詞を再確認'], [undefined, undefined, undefined, undefined, 1, undefined], [undefined, undefined, undefined, undefined, undefined, undefined]]);
    // As stored, a reviewed document stays reviewed.
    expect(newDocument(back[0]!, 'x.jsonl', 0, P)).toMatchObject({ reviewed: 1, reviewedBy: '山田', flagged: 1 });
  });

  it('a review field the file does not hold in its shape is refused with its line, not read as something else', async () => {
    const line = JSON.stringify({ id: 'x', text: TEXT, extraction: { ...annotation, entities: [] }, review: { flagged: 'yes' } });
    const r = await readFileBytes(new TextEncoder().encode(`${line}\n`), { file: 'x.jsonl', profile: P, task: 'ner' });
    expect('errors' in r && r.errors.map((e) => [e.line, e.message])).toEqual([[1, expect.stringContaining('review.flagged')]]);
  });

  it('every other format says, once a document, that it has no place for them; a bare "reviewed" is no loss', async () => {
    const plain: CorpusDocument = { ...doc, id: 3, recordId: 'd3', reviewed: 1 };
    for (const value of ['doccano', 'label-studio', 'brat', 'conll', 'csv/entities', 'records', 'training']) {
      const { losses } = await exportDocuments(target(value), [reviewed, skipped, plain], P);
      expect(losses.filter((l) => l.code === 'review-not-held')).toEqual([
        { code: 'review-not-held', doc: 'd1' },
        { code: 'review-not-held', doc: 'd2' },
      ]);
    }
  });
});

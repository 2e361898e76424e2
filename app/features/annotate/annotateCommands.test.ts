import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { addSpan, setCategory } from '../../../src/annotate/edits.ts';
import { freshFields, type CorpusDocument } from '../../../src/corpus/document.ts';
import { corpusRepository } from '../../shared/storage/corpusRepository.ts';
import { useCorpusStore } from '../../shared/corpus/corpusStore.ts';
import { annotateCommands, keysTaken, labelSelection } from './annotateCommands.ts';
import { commandFor } from '../../shared/commands/commands.ts';

const corpusDb = corpusRepository.db;

const TEXT = '国母和宏は東海大の学生だ。';
const doc = (text: string, output: string | null): Omit<CorpusDocument, 'id'> => ({ source: 't.jsonl', line: 1, recordId: null, text, task: 'ner', output, importedAt: 0, ...freshFields(text, 'ner', output) });
const store = () => useCorpusStore.getState();
const saved = async (id: number) => (await corpusDb.documents.get(id))!;

describe('annotation store', () => {
  let ids: number[];
  beforeEach(async () => {
    await corpusRepository.clear();
    ids = await corpusRepository.add([doc(TEXT, '<社会>固有表現抽出:人名;国母和宏'), doc('二つ目の文。', null)]);
    await store().loadDocuments();
    store().openEditor(store().documents[0]!, ids);
  });

  it('saves every edit at once, and undo/redo walk the history, saving as they go', async () => {
    store().apply((x, text) => addSpan(x, text, 5, 8, '法人名'));
    store().apply((x) => setCategory(x, '技術'));
    await expect.poll(async () => (await saved(ids[0]!)).annotation?.category).toBe('技術');
    expect((await saved(ids[0]!)).annotation!.entities.map((e) => e.text)).toEqual(['国母和宏', '東海大']);
    store().undo();
    expect(store().current!.category).toBe('社会');
    store().undo();
    expect(store().current!.entities).toHaveLength(1);
    await expect.poll(async () => (await saved(ids[0]!)).annotation?.entities.length).toBe(1);
    store().redo();
    expect(store().current!.entities).toHaveLength(2);
    // A new edit after undo drops the redo branch.
    store().undo();
    store().apply((x) => setCategory(x, '自然'));
    expect(store().future).toEqual([]);
    await expect.poll(() => useCorpusStore.getState().documents[0]!.category).toBe('自然');
  });

  it('labels the selected text with a number key command, then marks reviewed and moves on', async () => {
    store().setSelection([5, 8]);
    const label2 = annotateCommands().find((c) => c.id === 'label2')!;
    expect(label2.enabled(store())).toBe(true);
    label2.run(store());
    expect(store().current!.entities.map((e) => [e.label, e.text])).toEqual([
      ['人名', '国母和宏'],
      ['法人名', '東海大'],
    ]);
    expect(store().selected).toBe(1);
    expect(store().selection).toBeNull();
    // Without a selection, number keys do nothing (and let the key through).
    expect(label2.enabled(store())).toBe(false);
    labelSelection(store(), 2);
    expect(store().current!.entities).toHaveLength(2);
    annotateCommands().find((c) => c.id === 'spanEndLeft')!.run(store());
    expect(store().current!.entities[1]!.text).toBe('東海');
    await store().reviewAndNext();
    expect((await saved(ids[0]!)).reviewed).toBe(1);
    expect(store().docId).toBe(ids[1]);
    expect(store().editorText).toBe('二つ目の文。');
    expect(store().past).toEqual([]);
    // Back on the first document, its history is still there to undo.
    store().step(-1);
    expect(store().docId).toBe(ids[0]);
    store().undo();
    expect(store().current!.entities[1]!.text).toBe('東海大');
  });

  it('a label’s own key labels the selection wherever the label stands; the number keys stay', () => {
    const commands = annotateCommands({ 法人名: 'c', 地名: 'q' });
    const press = (key: string) => commandFor({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, isComposing: false }, commands, store(), false, false);
    store().setSelection([5, 8]);
    const c = press('c')!;
    expect(c.id).toBe('labelKey:法人名');
    expect(c.labelParams).toEqual({ label: '法人名' });
    c.run(store());
    expect(store().current!.entities.map((e) => e.label)).toEqual(['人名', '法人名']);
    // Nothing selected: the key does nothing, as a number key would.
    expect(press('c')).toBeNull();
    // While an IME composes, the letter is text, never a label.
    store().setSelection([0, 2]);
    expect(commandFor({ key: 'q', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, isComposing: true }, commands, store(), false, false)).toBeNull();
    expect(press('q')!.id).toBe('labelKey:地名');
    expect(press('2')!.id).toBe('label2');
    // The editor's own keys are the ones a label may not take.
    expect(keysTaken().get('j')).toBe('annotate.commands.nextSpan');
    expect(keysTaken().has('c')).toBe(false);
  });
});

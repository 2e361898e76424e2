import type { LocatedExtraction, TaskId } from '../domain/types.ts';
import type { InputError, ReadResult } from '../data/records.ts';
import { TextIndex } from '../text/textIndex.ts';
import type { AnnotatedDocument } from './document.ts';

// Label Studio's JSON export/import: a list of tasks {data: {text}, annotations: [{result: [...]}]} with
// "labels" regions (UTF-16 offsets, as JavaScript counts), "relation" items and "choices" for the category.

interface Region {
  id: string;
  type: string;
  from_name?: string;
  to_name?: string;
  value?: { start?: number; end?: number; text?: string; labels?: string[]; choices?: string[] };
  from_id?: string;
  to_id?: string;
  labels?: string[];
}

export function toLabelStudio(docs: readonly AnnotatedDocument[]): string {
  const tasks = docs.map((d, i) => {
    const x = d.extraction;
    const idx = new TextIndex(d.text);
    const result: Region[] = [];
    const regionOf = (o: readonly [number, number], label: string) => {
      const [start, end] = [idx.unitOf(o[0]), idx.unitOf(o[1])];
      const found = result.find((r) => r.type === 'labels' && r.value?.start === start && r.value.end === end && r.value.labels?.[0] === label);
      if (found) return found.id;
      const id = `r${result.length + 1}`;
      result.push({ id, type: 'labels', from_name: 'label', to_name: 'text', value: { start, end, text: d.text.slice(start, end), labels: [label] } });
      return id;
    };
    for (const e of x.entities) if (e.start !== null && e.end !== null) regionOf([e.start, e.end], e.label);
    for (const r of x.relations) {
      if (r.offsets.head && r.offsets.tail) result.push({ id: `rel${result.length + 1}`, type: 'relation', from_id: regionOf(r.offsets.head, 'head'), to_id: regionOf(r.offsets.tail, 'tail'), labels: [r.relation] });
    }
    if (x.category !== null) result.push({ id: 'category', type: 'choices', from_name: 'category', to_name: 'text', value: { choices: [x.category] } });
    return { id: i + 1, data: { text: d.text, ...(d.id === null ? {} : { ref_id: d.id }) }, annotations: [{ result }] };
  });
  return JSON.stringify(tasks, null, 2);
}

/** Reads a Label Studio JSON export (the latest annotation of each task). Bad tasks are named by number. */
export function fromLabelStudio(content: string, file: string, task: TaskId): ReadResult<AnnotatedDocument> {
  const errors: InputError[] = [];
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    return { records: [], errors: [{ file, line: null, message: `not valid JSON (${(e as Error).message})` }] };
  }
  if (!Array.isArray(data)) return { records: [], errors: [{ file, line: null, message: 'expected a JSON list of Label Studio tasks' }] };
  const records: AnnotatedDocument[] = [];
  data.forEach((t: { data?: { text?: unknown; ref_id?: unknown }; annotations?: { result?: Region[] }[] }, i) => {
    const text = t?.data?.text;
    if (typeof text !== 'string') {
      errors.push({ file, line: null, message: `task ${i + 1}: data.text is missing` });
      return;
    }
    const result = t.annotations?.at(-1)?.result ?? [];
    const idx = new TextIndex(text);
    const x: LocatedExtraction = { task, category: null, entities: [], relations: [], events: [], warnings: [] };
    const spans = new Map<string, [number, number]>();
    for (const r of result) {
      if (r.type === 'choices') x.category = r.value?.choices?.[0] ?? null;
      if (r.type !== 'labels') continue;
      const { start, end } = r.value ?? {};
      if (!Number.isInteger(start) || !Number.isInteger(end) || start! < 0 || start! >= end! || end! > text.length) {
        errors.push({ file, line: null, message: `task ${i + 1}: region ${r.id} has no valid start/end` });
        return;
      }
      const o: [number, number] = [idx.cp(start!), idx.cp(end!)];
      spans.set(r.id, o);
      const label = r.value?.labels?.[0] ?? '';
      if (label !== 'head' && label !== 'tail') x.entities.push({ label, text: idx.slice(...o), start: o[0], end: o[1] });
    }
    for (const r of result) {
      if (r.type !== 'relation') continue;
      const head = spans.get(r.from_id ?? '');
      const tail = spans.get(r.to_id ?? '');
      if (!head || !tail) {
        errors.push({ file, line: null, message: `task ${i + 1}: relation ${r.id} refers to a missing region` });
        return;
      }
      x.relations.push({ head: idx.slice(...head), relation: r.labels?.[0] ?? '', tail: idx.slice(...tail), offsets: { head, tail } });
    }
    records.push({ id: typeof t.data?.ref_id === 'string' ? t.data.ref_id : null, text, extraction: x });
  });
  return { records, errors };
}

import type { FormatProfile } from '../format/profile.ts';
import { readJsonLines, type ReadResult, type ReadProgress } from '../data/records.ts';
import { quoted, type Problem } from '../data/inputErrors.ts';
import { TextIndex } from '../text/textIndex.ts';
import type { AnnotatedDocument } from './document.ts';
import { withInferredTask } from './inferTask.ts';
import type { Loss } from './losses.ts';
import { spanFromUnits, toUnit } from './offsetUnits.ts';
import { fromSpanGraph, toSpanGraph, type GraphLink, type GraphSpan } from './spanGraph.ts';

// doccano's JSONL, one shape per project type, as its own examples show them
// (doccano/doccano backend/data_import/pipeline/examples/ and backend/data_export/pipeline/examples/):
//   text classification  {"text", "label": ["cat"]}                                  text_classification/example.jsonl
//   sequence labeling    {"text", "label": [[start, end, "TYPE"], …]}                 sequence_labeling/example.jsonl
//   intent detection     {"text", "entities": [[start, end, "TYPE"], …], "cats": ["cat"]}  intent_detection/example.jsonl
//   relation extraction  {"text", "entities": [{id, start_offset, end_offset, label}], "relations": [{id, from_id, to_id, type}]}
// Offsets count UTF-16 code units: the annotator (doccano/v-annotator src/domain/models/Label/Text.ts:26-29)
// builds its offsets by summing each grapheme's JavaScript `length`. A project in grapheme mode shows
// clusters but stores the same offsets.

export type DoccanoProject = 'text-classification' | 'sequence-labeling' | 'intent-detection' | 'relation-extraction';

/** The one project type a corpus is written as, since a doccano project imports one shape. */
export function doccanoProjectOf(docs: readonly AnnotatedDocument[]): DoccanoProject {
  if (docs.some((d) => d.extraction.relations.length || d.extraction.events.length)) return 'relation-extraction';
  const spans = docs.some((d) => d.extraction.entities.length);
  const cats = docs.some((d) => d.extraction.category !== null);
  return spans ? (cats ? 'intent-detection' : 'sequence-labeling') : 'text-classification';
}

/** One document as a line of the given project type; what it cannot hold goes to `losses`. */
export function toDoccano(d: AnnotatedDocument, project: DoccanoProject, doc: string, losses: Loss[]): string {
  const x = d.extraction;
  const idx = new TextIndex(d.text);
  const out: Record<string, unknown> = { ...(d.id === null ? {} : { id: d.id }), text: d.text };
  const g = toSpanGraph(x, doc, losses);
  const u = (cp: number) => toUnit(idx, cp, 'utf-16');
  const triples = () => g.spans.map((s) => [u(s.start), u(s.end), s.label]);
  const cats = x.category === null ? [] : [x.category];
  if (project === 'relation-extraction') {
    // doccano numbers entities and relations from 0 (data_export/pipeline/examples/relation_extraction/example.jsonl).
    const id = new Map(g.spans.map((s, i) => [s.key, i]));
    out.entities = g.spans.map((s, i) => ({ id: i, start_offset: u(s.start), end_offset: u(s.end), label: s.label }));
    out.relations = g.links.map((l, i) => ({ id: i, from_id: id.get(l.from), to_id: id.get(l.to), type: l.type }));
    if (x.category !== null) losses.push({ code: 'category-not-held', doc, item: x.category });
  } else if (project === 'intent-detection') {
    out.entities = triples();
    out.cats = cats;
  } else if (project === 'sequence-labeling') out.label = triples();
  else out.label = cats;
  return JSON.stringify(out);
}

/** A corpus as doccano JSONL of the one project type that holds it best. */
export function toDoccanoJsonl(docs: readonly AnnotatedDocument[], losses: Loss[]): { project: DoccanoProject; content: string } {
  const project = doccanoProjectOf(docs);
  return { project, content: docs.map((d, i) => toDoccano(d, project, d.id ?? String(i + 1), losses)).join('\n') + (docs.length ? '\n' : '') };
}

/**
 * Reads doccano JSONL of any project type above (its exports and its import examples), offsets from UTF-16
 * to code points. A span that is not inside the text, or splits a character, refuses its line with the
 * reason; the good lines are kept. The task comes from what each line holds.
 */
export function fromDoccano(content: string, file: string, profile: FormatProfile, losses: Loss[], progress?: ReadProgress): ReadResult<AnnotatedDocument> {
  return readJsonLines(content, file, (o, line): AnnotatedDocument | { problem: Problem } => {
    if (typeof o.text !== 'string') return { problem: { code: 'field-missing', params: { field: 'text' } } };
    const text = o.text;
    const idx = new TextIndex(text);
    const doc = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : `line ${line}`;
    const spans: GraphSpan[] = [];
    const links: GraphLink[] = [];
    const categories: string[] = [];
    const spanOf = (s: unknown, e: unknown, label: unknown, key: string, what: unknown): { problem: Problem } | null => {
      const o = spanFromUnits(idx, s, e, 'utf-16');
      if (!o || typeof label !== 'string') return { problem: { code: 'doccano-span', params: { value: quoted(what) } } };
      spans.push({ key, start: o[0], end: o[1], label });
      return null;
    };
    const list = (v: unknown, name: string): unknown[] | { problem: Problem } => (v === undefined ? [] : Array.isArray(v) ? v : { problem: { code: 'field-not-list', params: { field: name } } });
    const label = list(o.label, 'label');
    const entities = list(o.entities, 'entities');
    const relations = list(o.relations, 'relations');
    const cats = list(o.cats, 'cats');
    for (const l of [label, entities, relations, cats]) if (!Array.isArray(l)) return l;
    for (const [k, v] of [...(label as unknown[]), ...(entities as unknown[])].entries()) {
      if (typeof v === 'string') categories.push(v);
      else if (Array.isArray(v)) {
        const bad = spanOf(v[0], v[1], v[2], `l${k}`, v);
        if (bad) return bad;
      } else if (v && typeof v === 'object') {
        const e = v as { id?: unknown; start_offset?: unknown; end_offset?: unknown; label?: unknown };
        if (typeof e.id !== 'number' && typeof e.id !== 'string') return { problem: { code: 'entity-no-id', params: { value: quoted(v) } } };
        const bad = spanOf(e.start_offset, e.end_offset, e.label, `e${String(e.id)}`, v);
        if (bad) return bad;
      } else return { problem: { code: 'doccano-label-entry', params: { value: quoted(v) } } };
    }
    for (const c of cats as unknown[]) {
      if (typeof c !== 'string') return { problem: { code: 'cats-not-string', params: { value: quoted(c) } } };
      categories.push(c);
    }
    for (const r of relations as unknown[]) {
      const rel = r as { from_id?: unknown; to_id?: unknown; type?: unknown } | null;
      const [from, to] = [`e${String(rel?.from_id)}`, `e${String(rel?.to_id)}`];
      if (!rel || typeof rel.type !== 'string' || !spans.some((s) => s.key === from) || !spans.some((s) => s.key === to)) {
        return { problem: { code: 'relation-no-entity', params: { value: quoted(r) } } };
      }
      links.push({ from, to, type: rel.type });
    }
    const items = fromSpanGraph(text, { spans, links }, doc, losses);
    // GIELLM holds one category a text: further ones are said, not kept.
    for (const extra of categories.slice(1)) losses.push({ code: 'extra-category', doc, item: extra });
    return withInferredTask({ id: typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : null, text, line }, { category: categories[0] ?? null, ...items }, profile);
  }, undefined, progress);
}

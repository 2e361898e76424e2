import type { FormatProfile } from '../format/profile.ts';
import { isTaskId } from '../format/taskCatalog.ts';
import { problemAt, type InputError, type ReadResult } from '../data/records.ts';
import { quoted, type Problem } from '../data/inputErrors.ts';
import type { AnnotatedDocument } from './document.ts';
import { withInferredTask } from './inferTask.ts';
import type { Loss } from './losses.ts';
import { fromSpanGraph, GRAPH_LABELS, type GraphLink, type GraphSpan } from './spanGraph.ts';
import { parseProvenanceNote, provenanceNote } from '../annotate/provenance.ts';
import type { Provenance } from '../domain/types.ts';
import type { ColourKey } from '../format/labelPalette.ts';

// brat standoff, as nlplab/brat reads it:
// - type names in the configuration are storage forms: projectconfig.py:189-210 (normalize_to_storage_form)
//   turns every character outside [a-zA-Z0-9_-] into `_`, so 人名 and 地名 would both be `__`. Storage
//   names here are ASCII; the Japanese names are display labels in visual.conf's [labels] section
//   ("STORAGE | Display", configurations/AnEM/visual.conf:11-27).
// - a T line is `ID\tTYPE START END[;START END…]\tTEXT`, TEXT being the document's text at those offsets,
//   fragments joined by one space (annotation.py:183 DISCONT_SEP, :1303-1380 _parse_textbound_annotation
//   refuses any other text). Offsets are Python string indices (code points) into the .txt as read with
//   universal newlines (annotation.py:363-367): CR LF counts as one character there.
// - a span crossing a line break is written as fragments, one a line, as brat's own editor stores it.
// - events: `E1\tEvent:T1 Subject:T2 Object:T3 Time:T4`, the trigger a text-bound of the event's type.
// - a note is `#ID\tAnnotatorNotes TARGET\tTEXT` (annotation.py:1065-1072 _parse_comment_annotation,
//   :1683-1689 OnelineCommentAnnotation.__str__); brat shows it in the annotation's dialog. Who made an
//   item is written as one (`giellm: suggestion; name="…" at=…`) and read back; other notes are reported.

export interface ExportEntry {
  name: string;
  content: string;
}

const EVENT = 'Event';
const ROLE = { subject: 'Subject', object: 'Object', time: 'Time' } as const;

/** Stable ASCII storage names for the stockmark entity types; any other label is written by code point. */
const STORAGE: Readonly<Record<string, string>> = {
  人名: 'PERSON',
  法人名: 'CORPORATION',
  政治的組織名: 'POLITICAL_ORGANIZATION',
  その他の組織名: 'OTHER_ORGANIZATION',
  地名: 'LOCATION',
  施設名: 'FACILITY',
  製品名: 'PRODUCT',
  イベント名: 'EVENT_NAME',
  ポジティブ: 'POSITIVE',
  中立: 'NEUTRAL',
  ネガティブ: 'NEGATIVE',
};
const DISPLAY = new Map(Object.entries(STORAGE).map(([d, s]) => [s, d]));

/** A label's storage name: the table's, the label itself when brat keeps it as it is, else `U` + code points. */
export function storageName(label: string): string {
  if (STORAGE[label]) return STORAGE[label];
  if (/^[A-Za-z][A-Za-z0-9_-]*$/.test(label) && !/^U[0-9A-F]{4,6}(_U[0-9A-F]{4,6})*$/.test(label)) return label;
  return [...label].map((c) => `U${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join('_');
}

/** The label a storage name stands for, by visual.conf's labels first, then the table and the code points. */
export function displayName(storage: string, labels: ReadonlyMap<string, string> = new Map()): string {
  const named = labels.get(storage) ?? DISPLAY.get(storage);
  if (named) return named;
  if (/^U[0-9A-F]{4,6}(_U[0-9A-F]{4,6})*$/.test(storage)) return storage.split('_').map((u) => String.fromCodePoint(parseInt(u.slice(1), 16))).join('');
  return storage;
}

/** Fragments of `[start, end)` (code points) that leave out line breaks, as brat stores a span across lines. */
function fragments(chars: readonly string[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (let k = start; k <= end; k++) {
    if (k === end || chars[k] === '\n') {
      if (k > from) out.push([from, k]);
      from = k + 1;
    }
  }
  return out;
}

/**
 * One document as `.txt` and `.ann`. Entities become T lines of their type; relation arguments T lines of
 * type Argument with R lines; events E lines with a trigger of type Event. Items without offsets are
 * reported; CR LF is written as LF (brat reads it so) and reported.
 */
export function toBratDocument(d: AnnotatedDocument, doc: string, losses: Loss[]): { txt: string; ann: string; types: { entities: Set<string>; relations: Set<string>; events: boolean } } {
  const crlf = d.text.includes('\r');
  const txt = crlf ? d.text.replace(/\r\n?/g, '\n') : d.text;
  if (crlf) losses.push({ code: 'line-endings-changed', doc });
  // Code-point offset in the text → in the LF text.
  const chars = [...d.text];
  const shift = new Int32Array(chars.length + 1);
  for (let k = 0, removed = 0; k <= chars.length; k++) {
    shift[k] = k - removed;
    if (chars[k] === '\r' && chars[k + 1] === '\n') removed++;
  }
  const lf = [...txt];
  const lines: string[] = [];
  // Who made an item goes in a note on its line (brat's AnnotatorNotes, shown in its annotation dialog).
  let notes = 0;
  const note = (id: string, p: Provenance | undefined) => p && lines.push(`#${++notes}\tAnnotatorNotes ${id}\t${provenanceNote(p)}`);
  const types = { entities: new Set<string>(), relations: new Set<string>(), events: false };
  const ids = new Map<string, string>();
  let relationCount = 0;
  // Arguments and triggers are shared by the R and E lines that use them; each entity is its own T line
  // (brat keeps two annotations on one span apart), so a repeated pair reads back as two.
  let count = 0;
  const tb = (type: string, o: readonly [number, number], shared = true) => {
    const [s, e] = [shift[o[0]]!, shift[o[1]]!];
    const key = `${type} ${s} ${e}`;
    let id = shared ? ids.get(key) : undefined;
    if (id) return id;
    id = `T${++count}`;
    if (shared) ids.set(key, id);
    const frags = fragments(lf, s, e);
    // Line breaks at a span's edges have no fragment to go in: the span is written without them, and said.
    if (frags[0]![0] !== s || frags.at(-1)![1] !== e) losses.push({ code: 'line-break-trimmed', doc, item: `${type}:${JSON.stringify(lf.slice(s, e).join(''))}` });
    lines.push(`${id}\t${type} ${frags.map((f) => f.join(' ')).join(';')}\t${frags.map((f) => lf.slice(...f).join('')).join(' ')}`);
    return id;
  };
  // A span of line breaks alone has no fragment to write: brat cannot hold it.
  const breaksOnly = (...os: (readonly [number, number] | null)[]) => os.some((o) => o !== null && fragments(lf, shift[o[0]]!, shift[o[1]]!).length === 0);
  const x = d.extraction;
  for (const e of x.entities) {
    if (e.start === null || e.end === null) {
      losses.push({ code: 'no-offsets', doc, item: `${e.label}:${e.text}` });
      continue;
    }
    if (breaksOnly([e.start, e.end])) {
      losses.push({ code: 'line-breaks-only', doc, item: `${e.label}:${JSON.stringify(e.text)}` });
      continue;
    }
    const type = storageName(e.label);
    types.entities.add(type);
    note(tb(type, [e.start, e.end], false), e.provenance);
  }
  x.relations.forEach((r, i) => {
    if (!r.offsets.head || !r.offsets.tail) return void losses.push({ code: 'no-offsets', doc, item: `relation ${i + 1} (${r.head};${r.relation};${r.tail})` });
    if (breaksOnly(r.offsets.head, r.offsets.tail)) return void losses.push({ code: 'line-breaks-only', doc, item: `relation ${i + 1}` });
    const type = storageName(r.relation);
    types.entities.add(GRAPH_LABELS.argument);
    types.relations.add(type);
    lines.push(`R${++relationCount}\t${type} Arg1:${tb(GRAPH_LABELS.argument, r.offsets.head)} Arg2:${tb(GRAPH_LABELS.argument, r.offsets.tail)}`);
    note(`R${relationCount}`, r.provenance);
  });
  x.events.forEach((e, i) => {
    const o = e.offsets;
    if (!o.trigger || !o.subject || !o.time || (e.object !== null && !o.object)) return void losses.push({ code: 'no-offsets', doc, item: `event ${i + 1} (${e.trigger})` });
    if (breaksOnly(o.trigger, o.subject, o.object, o.time)) return void losses.push({ code: 'line-breaks-only', doc, item: `event ${i + 1}` });
    types.events = true;
    types.entities.add(GRAPH_LABELS.argument);
    const args = [`${ROLE.subject}:${tb(GRAPH_LABELS.argument, o.subject)}`, ...(o.object ? [`${ROLE.object}:${tb(GRAPH_LABELS.argument, o.object)}`] : []), `${ROLE.time}:${tb(GRAPH_LABELS.argument, o.time)}`];
    lines.push(`E${i + 1}\t${EVENT}:${tb(EVENT, o.trigger)} ${args.join(' ')}`);
    note(`E${i + 1}`, e.provenance);
  });
  return { txt, ann: lines.join('\n') + (lines.length ? '\n' : ''), types };
}

const tsvCell = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/**
 * A brat collection: `NNNN.txt` + `.ann` per document, `annotation.conf` declaring every type used,
 * `visual.conf` naming each storage type by its label, and `categories.tsv` (file, id, task, category):
 * standoff has no text-level label, so the category lives there.
 */
export function toBrat(docs: readonly AnnotatedDocument[], losses: Loss[], colourOf?: (key: ColourKey) => string, labelKeys: Readonly<Record<string, string>> = {}): ExportEntry[] {
  const files: ExportEntry[] = [];
  const entities = new Set<string>();
  const relations = new Set<string>();
  const labels = new Map<string, string>();
  let events = false;
  const table = ['file\tid\ttask\tcategory'];
  const width = Math.max(4, String(docs.length).length);
  docs.forEach((d, i) => {
    const base = String(i + 1).padStart(width, '0');
    const r = toBratDocument(d, d.id ?? String(i + 1), losses);
    r.types.entities.forEach((t) => entities.add(t));
    r.types.relations.forEach((t) => relations.add(t));
    events ||= r.types.events;
    for (const e of d.extraction.entities) labels.set(storageName(e.label), e.label);
    for (const rel of d.extraction.relations) labels.set(storageName(rel.relation), rel.relation);
    files.push({ name: `${base}.txt`, content: r.txt }, { name: `${base}.ann`, content: r.ann });
    table.push([base, tsvCell(d.id ?? ''), d.extraction.task, tsvCell(d.extraction.category ?? '')].join('\t'));
  });
  const conf = [
    '[entities]',
    ...[...entities],
    '',
    '[relations]',
    ...[...relations].map((t) => `${t}\tArg1:${GRAPH_LABELS.argument}, Arg2:${GRAPH_LABELS.argument}`),
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    ...(events ? [`${EVENT}\t${ROLE.subject}:${GRAPH_LABELS.argument}, ${ROLE.object}?:${GRAPH_LABELS.argument}, ${ROLE.time}:${GRAPH_LABELS.argument}`] : []),
    '',
    '[attributes]',
    '',
  ].join('\n');
  // The label schema's colours: `TYPE\tbgColor:#rrggbb` for spans, `color:` for relation arcs (configurations/AnEM/visual.conf:52-90).
  const relationTypes = new Set(docs.flatMap((d) => d.extraction.relations.map((r) => storageName(r.relation))));
  const drawing = colourOf ? [...labels].map(([s, l]) => (relationTypes.has(s) ? `${s}\tcolor:${colourOf({ relation: l })}` : `${s}\tbgColor:${colourOf({ label: l })}`)) : [];
  const visual = ['[labels]', ...[...labels].filter(([s, l]) => s !== l).map(([s, l]) => `${s} | ${l}`), '', '[drawing]', ...drawing, ''].join('\n');
  files.push({ name: 'annotation.conf', content: conf }, { name: 'visual.conf', content: visual }, { name: 'categories.tsv', content: table.join('\n') + '\n' });
  // The labels' own keys: `KEY<TAB>TYPE` per line (server/src/projectconfig.py:148-150, parsed at :575-590); the
  // client looks keys up as String.fromCharCode(keyCode), an upper-case letter (client/src/annotator_ui.js:175-232).
  const shortcuts = [...labels].flatMap(([s, l]) => (labelKeys[l] ? [`${labelKeys[l]!.toUpperCase()}\t${s}`] : []));
  if (shortcuts.length) files.push({ name: 'kb_shortcuts.conf', content: shortcuts.join('\n') + '\n' });
  return files;
}

/** visual.conf's [labels]: storage name → its first display label. */
function visualLabels(conf: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  let inLabels = false;
  for (const raw of (conf ?? '').split(/\r?\n/)) {
    const line = raw.trim();
    if (/^\[.*\]$/.test(line)) inLabels = line === '[labels]';
    else if (inLabels && line && !line.startsWith('#')) {
      const [storage, display] = line.split('|').map((s) => s.trim());
      if (storage && display) out.set(storage, display);
    }
  }
  return out;
}

/**
 * Reads a brat collection (the files of a zip, by name): each `X.txt` with its `X.ann`, types named by
 * visual.conf, categories and tasks from categories.tsv where there is one. Every line brat itself would
 * refuse (text not at its offsets, offsets outside the text) is reported with its file and line.
 */
export function fromBrat(files: ReadonlyMap<string, string>, source: string, profile: FormatProfile, losses: Loss[]): ReadResult<AnnotatedDocument> {
  const records: AnnotatedDocument[] = [];
  const errors: InputError[] = [];
  const byBase = (suffix: string) => [...files.keys()].filter((n) => n.endsWith(suffix) && !n.split('/').some((p) => p.startsWith('.') || p === '__MACOSX'));
  const confOf = (name: string) => [...files.keys()].find((n) => n.split('/').pop() === name);
  const labels = visualLabels(files.get(confOf('visual.conf') ?? ''));
  const meta = new Map<string, { id: string; task: string; category: string }>();
  const tsv = files.get(confOf('categories.tsv') ?? '');
  for (const line of (tsv ?? '').split(/\r?\n/).slice(1)) {
    const [file, id = '', task = '', category = ''] = line.split('\t');
    if (file) meta.set(file, { id, task, category });
  }
  for (const txtName of byBase('.txt').sort()) {
    const base = txtName.slice(0, -4);
    const short = base.split('/').pop()!;
    const annName = `${base}.ann`;
    // brat reads the text with universal newlines (annotation.py:363-367).
    const text = files.get(txtName)!.replace(/\r\n?/g, '\n');
    const chars = [...text];
    const ann = files.get(annName) ?? '';
    const doc = meta.get(short)?.id || short;
    const spans: GraphSpan[] = [];
    const links: GraphLink[] = [];
    const triggers = new Map<string, GraphSpan>();
    const events: { id: string; trigger: string }[] = [];
    // Notes this app wrote say who made the item they are on; R lines are found again by their id.
    const made = new Map<string, Provenance>();
    const relationAt = new Map<string, number>();
    const fail = (line: number, problem: Problem) => errors.push(problemAt(`${source}:${annName}`, line, problem));
    ann.split(/\r?\n/).forEach((line, k) => {
      if (line.trim() === '') return;
      const [id = '', data = '', tail] = line.split('\t');
      if (id.startsWith('T')) {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(data);
        if (!m) return fail(k + 1, { code: 'brat-span-line', params: { id } });
        const frags = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
        if (frags.some(([s, e]) => s > e || e > chars.length)) return fail(k + 1, { code: 'brat-span-outside', params: { id } });
        const expected = frags.map(([s, e]) => chars.slice(s, e).join('')).join(' ');
        if (tail !== undefined && tail !== expected) return fail(k + 1, { code: 'brat-span-text', params: { id, found: quoted(tail), expected: quoted(expected) } });
        const [start, end] = [frags[0]![0], frags.at(-1)![1]];
        // Pieces split only at line breaks are one span; text left between them is not.
        const pieces = frags.map(([s, e]) => chars.slice(s, e).join('')).join('');
        if (frags.length > 1 && chars.slice(start, end).join('').replace(/\n/g, '') !== pieces.replace(/\n/g, '')) losses.push({ code: 'discontinuous-span', doc, item: `${id} ${expected}` });
        const type = m[1]!;
        // A trigger stands for each E line that names it (below); the other types are spans themselves.
        if (type === EVENT) triggers.set(id, { key: id, start, end, label: GRAPH_LABELS.trigger });
        else spans.push({ key: id, start, end, label: type === GRAPH_LABELS.argument ? GRAPH_LABELS.argument : displayName(type, labels) });
      } else if (id.startsWith('R')) {
        const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(data.trim());
        if (!m) return fail(k + 1, { code: 'brat-relation-line', params: { id } });
        relationAt.set(id, links.length);
        links.push({ from: m[2]!, to: m[3]!, type: displayName(m[1]!, labels) });
      } else if (id.startsWith('E')) {
        const [head, ...args] = data.trim().split(' ');
        const trigger = head?.split(':')[1];
        if (!trigger) return fail(k + 1, { code: 'brat-event-line', params: { id } });
        // Each E line is one event, even when two share a trigger: its links start at a span of its own.
        events.push({ id, trigger });
        for (const a of args) {
          const [role, target] = a.split(':');
          const r = Object.entries(ROLE).find(([, v]) => role?.replace(/\d+$/, '') === v)?.[0];
          if (!r || !target) losses.push({ code: 'unknown-item', doc, item: `${id} ${a}` });
          else links.push({ from: id, to: target, type: r });
        }
      } else if (id.startsWith('#')) {
        const target = /^AnnotatorNotes (\S+)$/.exec(data.trim())?.[1];
        const p = target && tail !== undefined ? parseProvenanceNote(tail) : null;
        if (p) made.set(target!, p);
        else losses.push({ code: 'note-not-held', doc, item: `${id} ${data.trim()}${tail ? `: ${tail}` : ''}` });
      } else losses.push({ code: 'unknown-item', doc, item: `${annName}:${k + 1} ${id}` });
    });
    for (const s of spans) if (made.has(s.key)) s.provenance = made.get(s.key);
    for (const [id, at] of relationAt) if (made.has(id)) links[at]!.provenance = made.get(id);
    for (const e of events) {
      const t = triggers.get(e.trigger);
      if (t) spans.push({ ...t, key: e.id, ...(made.has(e.id) ? { provenance: made.get(e.id) } : {}) });
      else losses.push({ code: 'unknown-item', doc, item: `${e.id}: no trigger ${e.trigger}` });
    }
    const items = fromSpanGraph(text, { spans, links }, doc, losses);
    const m = meta.get(short);
    const read = withInferredTask({ id: m?.id ? m.id : null, text }, { category: m?.category ? m.category : null, ...items }, profile);
    // categories.tsv names the task the app exported it as: it wins over what the items imply.
    records.push(m && isTaskId(m.task) ? { id: read.id, text, extraction: { ...read.extraction, task: m.task } } : read);
  }
  if (records.length === 0) errors.push(problemAt(source, null, { code: 'brat-no-documents', params: {} }));
  return { records, errors };
}

import type { Offsets } from '../domain/types.ts';
import type { AnnotatedDocument } from './document.ts';

/** A file of an export bundle. */
export interface ExportEntry {
  name: string;
  content: string;
}

/** brat type names cannot hold spaces: they become `_`. */
const bratType = (s: string) => s.trim().replace(/\s+/g, '_') || 'Unlabelled';
/** brat's note text and entity text sit on one line. */
const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/**
 * One document as brat standoff (`.ann`): entities and arguments as text-bound `T` lines (offsets in code
 * points, as brat counts characters), relations as `R`, events as `E` with their trigger. Items whose strings
 * were not found in the text have no place in standoff: they are counted in `skipped`, not invented.
 */
export function toBratAnn(doc: AnnotatedDocument): { ann: string; skipped: number; types: { entities: Set<string>; relations: Set<string>; events: Set<string> } } {
  const lines: string[] = [];
  const types = { entities: new Set<string>(), relations: new Set<string>(), events: new Set<string>() };
  const ids = new Map<string, string>();
  let skipped = 0;
  const textBound = (type: string, o: Offsets, text: string): string | null => {
    if (!o) return null;
    const key = `${type}\u241f${o[0]}\u241f${o[1]}`;
    let id = ids.get(key);
    if (!id) {
      id = `T${ids.size + 1}`;
      ids.set(key, id);
      lines.push(`${id}\t${type} ${o[0]} ${o[1]}\t${oneLine(text)}`);
    }
    return id;
  };
  const x = doc.extraction;
  for (const e of x.entities) {
    const type = bratType(e.label);
    if (textBound(type, e.start === null ? null : [e.start, e.end!], e.text)) types.entities.add(type);
    else skipped++;
  }
  x.relations.forEach((r, i) => {
    const head = textBound('Argument', r.offsets.head, r.head);
    const tail = textBound('Argument', r.offsets.tail, r.tail);
    if (!head || !tail) return void skipped++;
    const type = bratType(r.relation);
    types.entities.add('Argument');
    types.relations.add(type);
    lines.push(`R${i + 1}\t${type} Arg1:${head} Arg2:${tail}`);
  });
  x.events.forEach((e, i) => {
    const type = bratType(e.trigger);
    const trigger = textBound(type, e.offsets.trigger, e.trigger);
    const args = [
      ['Subject', textBound('Argument', e.offsets.subject, e.subject)],
      ['Object', e.object === null ? null : textBound('Argument', e.offsets.object, e.object)],
      ['Time', textBound('Argument', e.offsets.time, e.time)],
    ] as const;
    if (!trigger || !args[0][1] || !args[2][1] || (e.object !== null && !args[1][1])) return void skipped++;
    types.entities.add('Argument');
    types.events.add(type);
    lines.push(`E${i + 1}\t${type}:${trigger}${args.filter(([, id]) => id).map(([role, id]) => ` ${role}:${id}`).join('')}`);
  });
  // The sentence's category has no place in standoff: it goes on a note, which brat shows with the text.
  if (x.category !== null && lines.length) lines.push(`#1\tAnnotatorNotes T1\tcategory: ${oneLine(x.category)}`);
  return { ann: lines.join('\n') + (lines.length ? '\n' : ''), skipped, types };
}

/**
 * A brat collection: `NNNN.txt` + `NNNN.ann` per document, `annotation.conf` declaring every type used, and
 * `categories.tsv` with each document's category (standoff has no document-level label).
 */
export function toBrat(docs: readonly AnnotatedDocument[]): { files: ExportEntry[]; skipped: number } {
  const files: ExportEntry[] = [];
  const all = { entities: new Set<string>(), relations: new Set<string>(), events: new Set<string>() };
  const categories = ['file\tid\tcategory'];
  let skipped = 0;
  const width = String(docs.length).length;
  docs.forEach((d, i) => {
    const base = String(i + 1).padStart(Math.max(4, width), '0');
    const r = toBratAnn(d);
    skipped += r.skipped;
    for (const k of ['entities', 'relations', 'events'] as const) for (const t of r.types[k]) all[k].add(t);
    files.push({ name: `${base}.txt`, content: d.text }, { name: `${base}.ann`, content: r.ann });
    categories.push(`${base}\t${oneLine(d.id ?? '')}\t${oneLine(d.extraction.category ?? '')}`);
  });
  const conf = [
    '[entities]',
    ...[...all.entities].filter((t) => !all.events.has(t)),
    '',
    '[relations]',
    ...[...all.relations].map((t) => `${t}\tArg1:Argument, Arg2:Argument`),
    '',
    '[events]',
    ...[...all.events].map((t) => `${t}\tSubject:Argument, Object?:Argument, Time:Argument`),
    '',
    '[attributes]',
    '',
  ].join('\n');
  files.push({ name: 'annotation.conf', content: conf }, { name: 'categories.tsv', content: categories.join('\n') + '\n' });
  return { files, skipped };
}

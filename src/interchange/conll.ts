import type { LocatedExtraction } from '../domain/types.ts';
import type { FormatProfile } from '../format/profile.ts';
import { problemAt, type InputError, type ReadResult } from '../data/records.ts';
import { quoted } from '../data/inputErrors.ts';
import type { AnnotatedDocument } from './document.ts';
import { withInferredTask } from './inferTask.ts';
import type { Loss } from './losses.ts';

// CoNLL-style BIO, as doccano imports it (doccano/doccano backend/data_import/pipeline/parsers.py:268-345,
// CoNLLParser): one `TOKEN\tTAG` a line, a blank line between documents, tags in IOB2 (B-TYPE, I-TYPE, O).
// For Japanese there are no spaces to split words at, so the export tokenises by character (one code point
// a line) and the text is the tokens joined with nothing, which is doccano's delimiter "" for such files.
// Token-level files (GiNZA/spaCy words) read the same way: tokens joined with nothing, tags IOB2, IOB1,
// IOBES or BILOU. A token cannot be a tab or a line break: those are written as spaces, and said.

/** One document as BIO lines: entity spans only; what BIO cannot hold goes to `losses`. */
export function toConllDocument(d: AnnotatedDocument, doc: string, losses: Loss[]): string {
  const x = d.extraction;
  const chars = [...d.text];
  const tags: string[] = chars.map(() => 'O');
  const spans = x.entities
    .filter((e) => {
      if (e.start !== null && e.end !== null) return true;
      losses.push({ code: 'no-offsets', doc, item: `${e.label}:${e.text}` });
      return false;
    })
    .sort((a, b) => a.start! - b.start! || b.end! - a.end!);
  let covered = 0;
  for (const e of spans) {
    if (e.start! < covered) {
      losses.push({ code: 'overlap-not-held', doc, item: `${e.label}:${e.text}` });
      continue;
    }
    for (let k = e.start!; k < e.end!; k++) tags[k] = `${k === e.start ? 'B' : 'I'}-${e.label}`;
    covered = e.end!;
  }
  if (x.category !== null) losses.push({ code: 'category-not-held', doc, item: x.category });
  x.relations.forEach((_, i) => losses.push({ code: 'relations-not-held', doc, item: `relation ${i + 1}` }));
  x.events.forEach((_, i) => losses.push({ code: 'events-not-held', doc, item: `event ${i + 1}` }));
  if (/[\t\r\n]/.test(d.text)) losses.push({ code: 'whitespace-replaced', doc });
  return chars.map((c, k) => `${/[\t\r\n]/.test(c) ? ' ' : c}\t${tags[k]}`).join('\n') + '\n';
}

export function toConll(docs: readonly AnnotatedDocument[], losses: Loss[]): string {
  return docs.map((d, i) => toConllDocument(d, d.id ?? String(i + 1), losses)).join('\n');
}

/** Whether a file looks like token-tag lines: most of its first lines are `TOKEN<tab>TAG` with a BIO tag. */
export function looksLikeConll(head: string): boolean {
  const lines = head.split(/\r?\n/).slice(0, 40).filter((l) => l.trim() !== '' && !l.startsWith('-DOCSTART-'));
  return lines.length > 0 && lines.filter((l) => /^[^\t]*\t(O|[BIESLU]-.+)$/.test(l)).length * 10 >= lines.length * 9;
}

/**
 * Reads BIO lines into documents (tokens joined with nothing, as Japanese is written). A tag that is not
 * O or a prefixed type refuses its document with the line; an I- without a B- starts an entity (IOB1).
 */
export function fromConll(content: string, file: string, profile: FormatProfile): ReadResult<AnnotatedDocument> {
  const records: AnnotatedDocument[] = [];
  const errors: InputError[] = [];
  let tokens: { text: string; tag: string }[] = [];
  let firstLine = 0;
  let bad: InputError | null = null;
  const flush = () => {
    if (bad) errors.push(bad);
    else if (tokens.length) {
      let text = '';
      let cp = 0;
      const entities: LocatedExtraction['entities'] = [];
      let open: { label: string; start: number } | null = null;
      const close = (end: number) => {
        if (open) entities.push({ label: open.label, text: [...text].slice(open.start, end).join(''), start: open.start, end });
        open = null;
      };
      for (const t of tokens) {
        const m = /^([BIESLU])-(.+)$/.exec(t.tag);
        const [prefix, label] = m ? [m[1]!, m[2]!] : ['O', ''];
        const continues = open !== null && (open as { label: string }).label === label && (prefix === 'I' || prefix === 'E' || prefix === 'L');
        if (!continues) close(cp);
        if (prefix !== 'O' && !continues) open = { label, start: cp };
        text += t.text;
        cp += [...t.text].length;
        if (prefix === 'E' || prefix === 'L' || prefix === 'S' || prefix === 'U') close(cp);
      }
      close(cp);
      records.push(withInferredTask({ id: null, text, line: firstLine }, { category: null, entities, relations: [], events: [] }, profile));
    }
    tokens = [];
    bad = null;
  };
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, k) => {
      if (line.trim() === '' || line.startsWith('-DOCSTART-')) return flush();
      if (tokens.length === 0 && !bad) firstLine = k + 1;
      const tab = line.lastIndexOf('\t');
      const cut = tab >= 0 ? tab : line.lastIndexOf(' ');
      const tag = line.slice(cut + 1).trim();
      if (cut <= 0) {
        bad ??= problemAt(file, k + 1, { code: 'conll-line', params: {} });
        return;
      }
      if (!/^(O|[BIESLU]-.+)$/.test(tag)) {
        bad ??= problemAt(file, k + 1, { code: 'conll-tag', params: { tag: quoted(tag) } });
        return;
      }
      tokens.push({ text: line.slice(0, cut), tag });
    });
  flush();
  return { records, errors };
}

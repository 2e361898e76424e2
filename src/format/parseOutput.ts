import type { Extraction, Quadruple, Span, TaskId, Triple } from '../domain/types.ts';
import { emptyExtraction } from '../domain/types.ts';
import { TASKS, TASK_IDS } from './taskCatalog.ts';
import type { FormatProfile } from './profile.ts';
import { labelSetString } from './buildInput.ts';
import { nfkc } from '../text/nfkc.ts';

export interface ParseOptions {
  /** The source text: lets the parser drop an echoed prompt and tell a `:` inside a name from a separator. */
  text?: string;
  /** A generation still streaming: only what is complete so far is returned, and nothing is warned about the tail. */
  partial?: boolean;
}

type Punct = { colon: string; semi: string; lt: string; gt: string };
const ASCII: Punct = { colon: ':', semi: ';', lt: '<', gt: '>' };
const FULL: Punct = { colon: '：', semi: '；', lt: '＜', gt: '＞' };
const FULL_WIDTH_STRUCTURE = /[：；＜＞]/;

const quote = (s: string, max = 40) => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);

/** Splits on a structural character, keeping slices of the original so full-width text inside names survives. */
function splitOn(s: string, a: string, b: string | null): string[] {
  if (b === null || s.indexOf(b) < 0) return s.split(a);
  if (s.indexOf(a) < 0) return s.split(b);
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === a || c === b) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}

function indexOfEither(s: string, a: string, b: string | null, from = 0): number {
  const i = s.indexOf(a, from);
  if (b === null) return i;
  const j = s.indexOf(b, from);
  return i < 0 ? j : j < 0 ? i : Math.min(i, j);
}

function endsWithEither(s: string, a: string, b: string | null): boolean {
  return s.endsWith(a) || (b !== null && s.endsWith(b));
}

class Reader {
  readonly warnings: string[] = [];
  private normText: string | null | undefined;
  readonly fw: Punct | null;

  constructor(
    readonly task: TaskId,
    readonly profile: FormatProfile,
    readonly opts: Readonly<ParseOptions>,
    output: string,
  ) {
    // Most outputs carry no full-width structure at all: then every scan can be a single native one.
    this.fw = profile.punctuation === 'ascii+fullwidth' && FULL_WIDTH_STRUCTURE.test(output) ? FULL : null;
  }

  /** Whether the source text shows this string (width-insensitive), i.e. a `:` inside it belongs to a name. */
  textShows(s: string): boolean {
    if (this.normText === undefined) this.normText = this.opts.text === undefined ? null : nfkc(this.opts.text);
    return this.normText !== null && this.normText.includes(nfkc(s));
  }

  split(s: string, which: 'colon' | 'semi'): string[] {
    return splitOn(s, ASCII[which], this.fw?.[which] ?? null);
  }

  warn(message: string) {
    this.warnings.push(message);
  }
}

/** Drops stop strings and the junk later datasets leave at the end; says whether the generation visibly ended. */
function cutTail(raw: string, profile: FormatProfile): { s: string; ended: boolean } {
  let s = raw;
  let ended = false;
  for (const stop of profile.stopStrings) {
    const i = s.indexOf(stop);
    if (i >= 0) {
      s = s.slice(0, i);
      ended = true;
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    const t = s.trimEnd();
    if (t !== s) s = t;
    for (const junk of profile.tailJunk) {
      if (s.endsWith(junk)) {
        s = s.slice(0, -junk.length);
        changed = true;
      }
    }
  }
  return { s, ended };
}

/**
 * Removes an echoed prompt (text, label set, IW) that some runtimes return in front of the answer. Any
 * separator between the parts is whitespace, so both profiles' echoes are recognised.
 */
function dropEcho(s: string, r: Reader): { s: string; inEcho: boolean } {
  const { task, profile, opts } = r;
  let body = s.trimStart();
  const text = opts.text?.trim() ?? '';
  let echoed = false;
  if (text !== '') {
    if (body.startsWith(text)) {
      body = body.slice(text.length).trimStart();
      echoed = true;
    } else if (opts.partial && text.startsWith(body)) return { s: '', inEcho: true };
  }
  // Without the text, an echo still shows itself as the full label set followed by the IW.
  const labels = labelSetString(profile.categories[task]);
  if (!echoed && (profile.categories[task].length < 2 || !body.startsWith(labels))) return { s: body, inEcho: false };
  const iw = profile.iw[task];
  const header = `${labels}${iw}`;
  if (opts.partial && header.startsWith(body.replace(/\s+/g, ''))) return { s: '', inEcho: true };
  if (!body.startsWith(labels)) return { s: body, inEcho: false };
  const rest = body.slice(labels.length).trimStart();
  if (!rest.startsWith(iw)) return { s: body, inEcho: false };
  return { s: rest.slice(iw.length).trimStart(), inEcho: false };
}

/** Reads `<category>` and the echoed IW; returns the word-level remainder, or null when the stream is mid-header. */
function readHeader(s: string, r: Reader, out: Extraction): string | null {
  const { task, profile, opts } = r;
  const lt = r.fw?.lt ?? null;
  const gt = r.fw?.gt ?? null;
  let rest = s;
  if (rest.startsWith('<') || (lt !== null && rest.startsWith(lt))) {
    const close = indexOfEither(rest, '>', gt, 1);
    if (close < 0) {
      if (opts.partial) return null;
      r.warn(`category tag ${quote(rest)} is not closed with >`);
      return '';
    }
    const category = rest.slice(1, close).trim();
    if (category === '') r.warn('the category tag <> is empty');
    else out.category = category;
    rest = rest.slice(close + 1);
  } else {
    const close = indexOfEither(rest, '>', gt);
    const iwAt = rest.indexOf(profile.iw[task]);
    const beforeClose = rest.slice(0, Math.max(close, 0));
    if (close > 0 && (iwAt < 0 || close < iwAt) && indexOfEither(beforeClose, ':', r.fw?.colon ?? null) < 0) {
      out.category = beforeClose.trim() || null;
      r.warn(`the category ${quote(beforeClose)} has no opening <`);
      rest = rest.slice(close + 1);
    } else if (!(opts.partial && rest === '')) {
      r.warn('the output has no <category> label');
    }
  }
  if (out.category !== null && !profile.categories[task].includes(out.category)) {
    r.warn(`category ${quote(out.category)} is not in the label set ${labelSetString(profile.categories[task])}`);
  }

  rest = rest.trimStart();
  const iw = profile.iw[task];
  if (rest.startsWith(iw)) return rest.slice(iw.length);
  if (opts.partial && iw.startsWith(rest)) return null;
  for (const other of TASK_IDS) {
    if (other !== task && profile.iw[other] !== iw && rest.startsWith(profile.iw[other])) {
      r.warn(`the output names the IW ${quote(profile.iw[other])} (task ${other}), not ${quote(iw)}`);
      return rest.slice(profile.iw[other].length);
    }
  }
  return rest; // The IW is optional: some runs do not echo it.
}

/** The pieces between `:` separators that are complete, dropping the still-growing last one while streaming. */
function completePieces(body: string, r: Reader): string[] {
  const pieces = r.split(body, 'colon');
  if (r.opts.partial && !endsWithEither(body, ':', r.fw?.colon ?? null)) pieces.pop();
  return pieces;
}

function readPairs(body: string, r: Reader, out: Extraction) {
  const { task, profile } = r;
  const known = TASKS[task].wordLabelsComplete ? profile.wordLabels[task] : null;
  const pieces = completePieces(body, r);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.trim() === '') continue;
    const semi = indexOfEither(piece, ';', r.fw?.semi ?? null);
    if (semi < 0) {
      r.warn(`could not read ${quote(piece)} as Label;Span`);
      continue;
    }
    const label = piece.slice(0, semi).trim();
    let text = piece.slice(semi + 1).trim();
    // A `:` inside a name splits it; the source text tells us when the next piece continues this span.
    while (r.opts.text !== undefined && i + 1 < pieces.length) {
      const next = pieces[i + 1]!;
      const nextSemi = indexOfEither(next, ';', r.fw?.semi ?? null);
      const nextIsPair = nextSemi >= 0 && (known === null || known.includes(next.slice(0, nextSemi).trim()));
      if (next.trim() !== '' && !nextIsPair && r.textShows(`${text}:${next.trimEnd()}`)) {
        text = `${text}:${next.trimEnd()}`;
        i++;
      } else break;
    }
    if (label === '' || text === '') {
      r.warn(`the pair ${quote(piece)} has an empty ${label === '' ? 'label' : 'span'}`);
      continue;
    }
    if (known !== null && !known.includes(label)) r.warn(`label ${quote(label)} is not one of ${known.join(' ')}`);
    out.entities.push({ label, text } satisfies Span);
  }
}

function readTuples(body: string, r: Reader, out: Extraction, shape: 'triple' | 'event') {
  const pieces = completePieces(body, r).filter((p) => p.trim() !== '');
  const arity = shape === 'triple' ? [3] : [3, 4];
  const max = Math.max(...arity);
  for (let i = 0; i < pieces.length; i++) {
    let fields = r.split(pieces[i]!, 'semi').map((f) => f.trim());
    let shown = pieces[i]!;
    // Join the next piece across a `:` the source text shows inside an argument (e.g. 監督:山村浩二).
    while (r.opts.text !== undefined && i + 1 < pieces.length) {
      const next = r.split(pieces[i + 1]!, 'semi').map((f) => f.trim());
      const joinedField = `${fields[fields.length - 1]}:${next[0]}`;
      const fits = fields.length + next.length - 1 <= max;
      const needs = fields.length < arity[0]! || next.length === 1;
      if (fits && needs && r.textShows(joinedField)) {
        fields = [...fields.slice(0, -1), joinedField, ...next.slice(1)];
        shown = `${shown}:${pieces[i + 1]}`;
        i++;
      } else break;
    }
    if (!arity.includes(fields.length)) {
      const want = shape === 'triple' ? 'Head;Relation;Tail' : 'Subject;Trigger;[Object;]Time';
      r.warn(`could not read ${quote(shown)} as ${want} (${fields.length} part${fields.length === 1 ? '' : 's'})`);
      continue;
    }
    if (fields.some((f) => f === '')) {
      r.warn(`${quote(shown)} has an empty part`);
      continue;
    }
    if (shape === 'triple') {
      const [head, relation, tail] = fields as [string, string, string];
      out.relations.push({ head, relation, tail } satisfies Triple);
    } else if (fields.length === 4) {
      const [subject, trigger, object, time] = fields as [string, string, string, string];
      out.events.push({ subject, trigger, object, time } satisfies Quadruple);
    } else {
      const [subject, trigger, time] = fields as [string, string, string];
      out.events.push({ subject, trigger, object: null, time } satisfies Quadruple);
    }
  }
}

/**
 * Reads a GIELLM output into an Extraction. Never throws: whatever can be read is returned, and each piece
 * that could not be read gets one human-readable warning. With `partial`, returns what is complete so far.
 */
export function parseOutput(output: string, task: TaskId, profile: FormatProfile, opts: ParseOptions = {}): Extraction {
  const out = emptyExtraction(task);
  if (typeof output !== 'string') {
    out.warnings.push('the output is not text');
    return out;
  }
  const tail = cutTail(output, profile);
  const reader = new Reader(task, profile, tail.ended && opts.partial ? { text: opts.text, partial: false } : opts, tail.s);
  const echo = dropEcho(tail.s, reader);
  if (echo.inEcho) return out;

  let s = echo.s;
  const nl = s.indexOf('\n');
  if (nl >= 0) {
    const after = s.slice(nl + 1).trim();
    s = s.slice(0, nl).trimEnd();
    if (after !== '') reader.warn(`ignored text after the first line: ${quote(after)}`);
  }
  if (s.trim() === '' && !reader.opts.partial) {
    reader.warn('the output is empty');
  } else {
    const body = readHeader(s, reader, out);
    if (body !== null) {
      const shape = TASKS[task].shape;
      if (shape === 'pairs') readPairs(body, reader, out);
      else readTuples(body, reader, out, shape);
    }
  }
  out.warnings = reader.warnings;
  return out;
}

import type { Extraction, Quadruple, Span, TaskId, Triple } from '../domain/types.ts';
import { emptyExtraction } from '../domain/types.ts';
import { TASKS } from './taskCatalog.ts';
import type { FormatProfile } from './profile.ts';
import { labelSetString } from './buildInput.ts';
import { shortened, warnInto, type Notice } from './warnings.ts';
import { tasksByIwLength } from './splitInput.ts';
import { nfkc } from '../text/nfkc.ts';
import { parseClean } from './parseClean.ts';
import { cutTail } from './cutTail.ts';

export interface ParseOptions {
  /** The source text: lets the parser drop an echoed prompt and tell a `:` inside a name from a separator. */
  text?: string;
  /** A generation still streaming: only what is complete so far is returned, and nothing is warned about the tail. */
  partial?: boolean;
  /**
   * The generation stopped at its token limit (`finish_reason: length`): the last item may be cut short
   * (東海 for 東海大), so it is dropped, warned about and counted as unreadable, and the result is marked.
   */
  truncated?: boolean;
}

type Width = 'ascii' | 'full';
const COLON = { ascii: ':', full: '：' } as const;
const SEMI = { ascii: ';', full: '；' } as const;
const GT = { ascii: '>', full: '＞' } as const;
const OTHER: Record<Width, Width> = { ascii: 'full', full: 'ascii' };

/**
 * A name joins at most this many pieces across `:` separators. Real names hold one or two colons
 * (`J:COM春日部`); the bound keeps a degenerate output (thousands of colons) linear.
 */
const MAX_COLON_JOINS = 8;


/**
 * The pieces of the word-level part and the separator in front of each (as written). Most outputs use
 * one width throughout: then `seps` is null and every separator is `colon`, with no array built for them.
 */
interface Pieces {
  s: string[];
  seps: string[] | null;
  colon: string;
}
const sepBefore = (p: Pieces, i: number) => (p.seps ? p.seps[i]! : i === 0 ? '' : p.colon);

class Reader {
  readonly warnings: string[] = [];
  readonly notices: Notice[] = [];
  /** Word-level pieces that could not be read as an item: each has a warning; scoring counts them. */
  unreadable = 0;
  private normText: string | null | undefined;
  /** Whether full-width `：；＜＞` may be structure at all (the profile says); each position then decides. */
  readonly fullwidth: boolean;
  private hasColon: boolean | undefined;
  /** The word-level labels when they are a closed set (NER, sentiment), so a piece's label can be judged. */
  readonly knownLabels: readonly string[] | null;

  constructor(
    readonly task: TaskId,
    readonly profile: FormatProfile,
    readonly opts: Readonly<ParseOptions>,
  ) {
    this.fullwidth = profile.punctuation === 'ascii+fullwidth';
    this.knownLabels = TASKS[task].wordLabelsComplete ? profile.wordLabels[task] : null;
  }

  /** Whether a piece reads as `Label;Span` by itself: a `;`, and a known label before it where labels are closed. */
  isPair(s: string): boolean {
    const semi = this.semiAt(s);
    return semi >= 0 && (this.knownLabels === null || this.knownLabels.includes(s.slice(0, semi).trim()));
  }

  /** Whether the source text has a `:` at all (only then can a name hold one); looked at once, when first asked. */
  get textHasColon(): boolean {
    if (this.hasColon === undefined) this.hasColon = this.opts.text !== undefined && /[:：]/.test(this.opts.text);
    return this.hasColon;
  }

  /** Whether the source text shows this string (width-insensitive), i.e. a `:` inside it belongs to a name. */
  textShows(s: string): boolean {
    if (this.normText === undefined) this.normText = this.opts.text === undefined ? null : nfkc(this.opts.text);
    if (this.normText === null) return false;
    const n = nfkc(s);
    return n.length <= this.normText.length && this.normText.includes(n);
  }

  /** The first `;` (either width where allowed), or -1. */
  semiAt(s: string): number {
    const a = s.indexOf(';');
    if (!this.fullwidth) return a;
    const b = s.indexOf('；');
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }

  warn(n: Notice) {
    warnInto(this, n);
  }

  unreadablePiece(n: Notice) {
    this.unreadable++;
    this.warn(n);
  }
}

const squash = (s: string) => s.replace(/\s+/g, '');
const startsAnswer = (s: string) => s === '' || s.startsWith('<') || s.startsWith('＜');
/** `rest` after `part` and the whitespace that follows it, or null when `rest` does not start with it. */
const after = (rest: string, part: string): string | null => (part === '' ? rest : rest.startsWith(part) ? rest.slice(part.length).trimStart() : null);

/**
 * Removes an echoed prompt that some runtimes return in front of the answer. An echo is the whole input
 * header — the text, the label set where the profile puts one in the input, and the IW, with any
 * whitespace between — followed by the answer's `<category>`; a text that merely starts like the output
 * (`<社会>固…`) is not one. Without the text, the label set + IW at the start still give an echo away.
 */
function dropEcho(s: string, r: Reader): { s: string; inEcho: boolean } {
  const { task, profile, opts } = r;
  const body = s.trimStart();
  const text = opts.text?.trim() ?? '';
  const labels = labelSetString(profile.categories[task]);
  const iw = profile.iw[task];
  // Without the text, a lone IW or one label proves nothing: the answer itself starts that way.
  if (text === '' && profile.categories[task].length < 2) return { s: body, inEcho: false };
  // The label set is optional after the text (either input form may have been echoed), required without it.
  let rest = text === '' ? after(body, labels) : after(body, text);
  if (rest !== null && text !== '') rest = after(rest, labels) ?? rest;
  if (rest !== null) rest = after(rest, iw);
  if (rest !== null && startsAnswer(rest)) return { s: rest, inEcho: false };
  // Still streaming the echo: show nothing until it is clear whether the answer or the echo is coming.
  if (opts.partial) {
    const b = squash(body);
    if (b !== '' && squash(`${text}${labels}${iw}`).startsWith(b)) {
      return { s: '', inEcho: true };
    }
  }
  return { s: body, inEcho: false };
}

/**
 * Joins the lines of an output where a line break sits inside its structure: before a `:` that starts an
 * item (`<社会>固有表現抽出\n:人名;…`, or one item a line) or right after the `<category>` tag. Anything
 * else after the first line is not part of the answer: it is warned about and ignored.
 */
function joinLines(s: string, r: Reader): string {
  if (!s.includes('\n')) return s;
  const lines = s.split(/\r?\n/);
  let out = lines[0]!.trimEnd();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const startsItem = line.startsWith(':') || (r.fullwidth && line.startsWith('：'));
    const afterTag = /^[<＜][^:;：；\n]*[>＞]$/.test(out);
    if (startsItem || afterTag) {
      out += line;
      continue;
    }
    const rest = lines.slice(i).join('\n').trim();
    r.warn({ code: 'extra-lines', params: { rest: shortened(rest) } });
    break;
  }
  return out;
}

const extended = new WeakMap<FormatProfile['iw'], Set<TaskId>>();
/** Whether another task's IW begins with this task's IW (so matching it needs the longest-first scan). */
function extendedIw(profile: FormatProfile, task: TaskId): boolean {
  let set = extended.get(profile.iw);
  if (set === undefined) {
    set = new Set(tasksByIwLength(profile).filter((t) => tasksByIwLength(profile).some((o) => profile.iw[o] !== profile.iw[t] && profile.iw[o].startsWith(profile.iw[t]))));
    extended.set(profile.iw, set);
  }
  return set.has(task);
}

/** Reads `<category>` and the echoed IW; returns the word-level remainder, or null when the stream is mid-header. */
function readHeader(s: string, r: Reader, out: Extraction): string | null {
  const { task, profile, opts } = r;
  let rest = s;
  const opener = rest.startsWith('<') ? 'ascii' : r.fullwidth && rest.startsWith('＜') ? 'full' : null;
  if (opener !== null) {
    // The tag closes with its own width where it can; the other width only where the profile allows it.
    let close = rest.indexOf(GT[opener], 1);
    if (close < 0 && r.fullwidth) close = rest.indexOf(GT[OTHER[opener]], 1);
    if (close < 0) {
      if (opts.partial) return null;
      r.warn({ code: 'category-unclosed', params: { tag: shortened(rest) } });
      return '';
    }
    const category = rest.slice(1, close).trim();
    if (category === '') r.warn({ code: 'category-empty', params: {} });
    else out.category = category;
    rest = rest.slice(close + 1);
  } else {
    const a = rest.indexOf('>');
    const b = r.fullwidth ? rest.indexOf('＞') : -1;
    const close = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    const iwAt = rest.indexOf(profile.iw[task]);
    const beforeClose = rest.slice(0, Math.max(close, 0));
    if (close > 0 && (iwAt < 0 || close < iwAt) && !/[:：]/.test(beforeClose)) {
      out.category = beforeClose.trim() || null;
      r.warn({ code: 'category-unopened', params: { category: shortened(beforeClose) } });
      rest = rest.slice(close + 1);
    } else if (!(opts.partial && rest === '')) {
      r.warn({ code: 'no-category', params: {} });
    }
  }
  if (out.category !== null && !profile.categories[task].includes(out.category)) {
    r.warn({ code: 'category-unknown', params: { category: shortened(out.category), labels: labelSetString(profile.categories[task]) } });
  }

  rest = rest.trimStart();
  const iw = profile.iw[task];
  // The common case: the task's own IW, which no longer IW begins with.
  if (rest.startsWith(iw) && rest.length > iw.length && !extendedIw(profile, task)) return rest.slice(iw.length);
  // Longest IW first: 感情抽出名詞 is a prefix of 感情抽出名詞形容詞.
  let named: TaskId | undefined;
  for (const t of tasksByIwLength(profile)) {
    const said = profile.iw[t];
    if (opts.partial && said.length > rest.length && said.startsWith(rest)) return null;
    if (named === undefined && rest.startsWith(said)) named = t;
  }
  if (named === undefined) return rest; // The IW is optional: some runs do not echo it.
  const said = profile.iw[named];
  if (said !== iw) r.warn({ code: 'other-iw', params: { said: shortened(said), task: named, iw: shortened(iw) } });
  return rest.slice(said.length);
}

/**
 * The width whose `:` separates this output's items: the width of its first `:`. A `:` of the other width
 * is structure only where what follows it reads as an item by itself; elsewhere it belongs to a name
 * (ファイナルファンタジーXIV：新生エオルゼア in an ASCII-structured output), and keeps its character.
 */
function primaryWidth(body: string, r: Reader): Width {
  if (!r.fullwidth) return 'ascii';
  const a = body.indexOf(':');
  const b = body.indexOf('：');
  return b >= 0 && (a < 0 || b < a) ? 'full' : 'ascii';
}

/**
 * The word-level part cut into pieces: at every `:` of the primary width, and at a `:` of the other width
 * where `isItem` reads the piece after it as an item of its own. While streaming (or cut at the token
 * limit) the still-growing last piece is held back; `dropped` is it, when it held anything.
 */
function cutPieces(body: string, r: Reader, w: Width, shape: Shape): { pieces: Pieces; dropped: string | null } {
  const colon = COLON[w];
  const other = COLON[OTHER[w]];
  const parts = body.split(colon);
  const pieces: Pieces = { s: parts, seps: null, colon };
  if (r.fullwidth && body.includes(other)) {
    const s: string[] = [];
    const seps: string[] = [];
    parts.forEach((part, k) => {
      const subs = part.split(other);
      let cur = subs[0]!;
      let curSep = k === 0 ? '' : colon;
      for (const sub of subs.slice(1)) {
        if (standsAlone(sub, r, w, shape) && standsAlone(cur, r, w, shape)) {
          s.push(cur);
          seps.push(curSep);
          cur = sub;
          curSep = other;
        } else cur = `${cur}${other}${sub}`;
      }
      s.push(cur);
      seps.push(curSep);
    });
    pieces.s = s;
    pieces.seps = seps;
  }
  let dropped: string | null = null;
  if ((r.opts.partial || r.opts.truncated) && !body.endsWith(colon)) {
    const last = pieces.s.pop()!;
    pieces.seps?.pop();
    if (last.trim() !== '') dropped = last;
  }
  return { pieces, dropped };
}

type Shape = 'pairs' | 'triple' | 'event';
const ARITY: Record<'triple' | 'event', { arity: readonly number[]; max: number }> = { triple: { arity: [3], max: 3 }, event: { arity: [3, 4], max: 4 } };
const trimmed = (f: string) => f.trim();
const onlyBlankAfter = (pieces: readonly string[], i: number) => {
  for (let j = i + 1; j < pieces.length; j++) if (pieces[j]!.trim() !== '') return false;
  return true;
};

/** The pieces that hold something (tuples skip the empty ones a doubled `::` leaves), separators kept. */
function nonBlank(p: Pieces): Pieces {
  const s: string[] = [];
  const seps: string[] | null = p.seps ? [] : null;
  for (let i = 0; i < p.s.length; i++) {
    if (p.s[i]!.trim() === '') continue;
    s.push(p.s[i]!);
    seps?.push(p.seps![i]!);
  }
  return { s, seps, colon: p.colon };
}

/** Whether fields make a whole tuple of the shape: the right count, none empty. */
function whole(fields: readonly string[], shape: 'triple' | 'event'): boolean {
  return ARITY[shape].arity.includes(fields.length) && !fields.includes('');
}

/** A tuple's fields: split at the primary width's `;`, at both widths only where that alone does not fit. */
function fieldsOf(s: string, r: Reader, w: Width, shape: 'triple' | 'event'): string[] {
  const semi = SEMI[w];
  const own = s.split(semi).map(trimmed);
  if (!r.fullwidth || whole(own, shape)) return own;
  const both = s.split(/[;；]/).map(trimmed);
  return whole(both, shape) || !s.includes(semi) ? both : own;
}

/**
 * Whether a piece reads as an item by itself. For tuples: a whole tuple in one width (a `:` of the other
 * width separates tuples only between two such pieces); for pairs: a `Label;` with a known label.
 */
function standsAlone(s: string, r: Reader, w: Width, shape: Shape): boolean {
  if (shape === 'pairs') return r.isPair(s);
  return whole(s.split(SEMI[w]).map(trimmed), shape) || (!s.includes(SEMI[w]) && whole(fieldsOf(s, r, w, shape), shape));
}

function readPairs(body: string, r: Reader, out: Extraction): string | null {
  const known = r.knownLabels;
  const w = primaryWidth(body, r);
  const { pieces: cut, dropped } = cutPieces(body, r, w, 'pairs');
  const pieces = cut.s;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.trim() === '') continue;
    const semi = r.semiAt(piece);
    if (semi < 0) {
      r.unreadablePiece({ code: 'pair-unreadable', params: { piece: shortened(piece) } });
      continue;
    }
    const label = piece.slice(0, semi).trim();
    let text = piece.slice(semi + 1).trim();
    // A `:` inside a name splits it; the source text tells us when the next piece continues this span.
    for (let joins = 0; r.textHasColon && i + 1 < pieces.length && joins < MAX_COLON_JOINS; joins++) {
      const next = pieces[i + 1]!;
      const joined = `${text}${sepBefore(cut, i + 1)}${next.trimEnd()}`;
      if (next.trim() !== '' && !r.isPair(next) && r.textShows(joined)) {
        text = joined;
        i++;
      } else break;
    }
    // Streaming: a last span the text shows followed by `:` may still grow into a longer name; hold it.
    if (r.opts.partial && r.textHasColon && onlyBlankAfter(pieces, i) && r.textShows(`${text}:`)) break;
    if (label === '' || text === '') {
      r.unreadablePiece({ code: 'pair-empty', params: { piece: shortened(piece), part: label === '' ? 'label' : 'span' } });
      continue;
    }
    if (known !== null && !known.includes(label)) r.warn({ code: 'label-unknown', params: { label: shortened(label), labels: known.join(' ') } });
    out.entities.push({ label, text } satisfies Span);
  }
  return dropped;
}

const TUPLE_FORM = { triple: 'Head;Relation;Tail', event: 'Subject;Trigger;[Object;]Time' } as const;

function readTuples(body: string, r: Reader, out: Extraction, shape: 'triple' | 'event'): string | null {
  const { arity, max } = ARITY[shape];
  const w = primaryWidth(body, r);
  const { pieces: all, dropped } = cutPieces(body, r, w, shape);
  const cut = nonBlank(all);
  const pieces = cut.s;
  for (let i = 0; i < pieces.length; i++) {
    let fields = fieldsOf(pieces[i]!, r, w, shape);
    let shown = pieces[i]!;
    // Join the next piece across a `:` the source text shows inside an argument (e.g. 監督:山村浩二).
    for (let joins = 0; r.textHasColon && i + 1 < pieces.length && joins < MAX_COLON_JOINS; joins++) {
      const nextPiece = pieces[i + 1]!;
      const sep = sepBefore(cut, i + 1);
      const next = fieldsOf(nextPiece, r, w, shape);
      const joinedField = `${fields[fields.length - 1]}${sep}${next[0]}`;
      const fitsJoined = fields.length + next.length - 1 <= max;
      // Only a piece that cannot stand alone as a tuple is joined (`s;t;監督` + `山村浩二;time` is one event).
      const needs = !arity.includes(fields.length) || !arity.includes(next.length);
      if (fitsJoined && needs && r.textShows(joinedField)) {
        fields = [...fields.slice(0, -1), joinedField, ...next.slice(1)];
        shown = `${shown}${sep}${nextPiece}`;
        i++;
      } else break;
    }
    // Streaming: a last argument the text shows followed by `:` may still be joined with what comes next.
    if (r.opts.partial && i === pieces.length - 1 && r.textHasColon && r.textShows(`${fields[fields.length - 1]}:`)) break;
    if (!arity.includes(fields.length)) {
      r.unreadablePiece({ code: 'tuple-unreadable', params: { piece: shortened(shown), form: TUPLE_FORM[shape], parts: fields.length } });
      continue;
    }
    if (fields.includes('')) {
      r.unreadablePiece({ code: 'tuple-empty', params: { piece: shortened(shown) } });
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
  return dropped;
}

/**
 * Reads a GIELLM output into an Extraction. Never throws: whatever can be read is returned, and each piece
 * that could not be read gets one human-readable warning (and is counted in `unreadable`, which scoring
 * reads). With `partial`, returns what is complete so far; with `truncated`, drops the cut-off last item.
 */
export function parseOutput(output: string, task: TaskId, profile: FormatProfile, opts: ParseOptions = {}): Extraction {
  if (typeof output === 'string' && !opts.partial && !opts.truncated && (opts.text === undefined || typeof opts.text === 'string')) {
    const clean = parseClean(output, task, profile, opts.text);
    if (clean !== null) return clean;
  }
  return parseGeneral(output, task, profile, opts);
}

/** The general parser, which decides every case; `parseOutput` tries the one-pass reading of a plain output first. */
export function parseGeneral(output: string, task: TaskId, profile: FormatProfile, opts: ParseOptions = {}): Extraction {
  const out = emptyExtraction(task);
  if (typeof output !== 'string') {
    warnInto(out, { code: 'output-not-text', params: {} });
    return out;
  }
  const tail = cutTail(output, profile);
  // A generation that visibly ended is complete, however it is labelled; a text that is not a string is none.
  const ended = tail.ended && (opts.partial || opts.truncated);
  const plain = !ended && !(opts.partial && opts.truncated) && (opts.text === undefined || typeof opts.text === 'string');
  const text = typeof opts.text === 'string' ? opts.text : undefined;
  const reader = new Reader(task, profile, plain ? opts : ended ? { text } : { text, partial: opts.partial, truncated: opts.truncated && !opts.partial });
  const echo = dropEcho(tail.s, reader);
  if (echo.inEcho) return out;

  const s = joinLines(echo.s, reader);
  let dropped: string | null = null;
  if (s.trim() === '' && !reader.opts.partial) {
    reader.warn({ code: 'output-empty', params: {} });
  } else {
    const body = readHeader(s, reader, out);
    if (body !== null) {
      const shape = TASKS[task].shape;
      dropped = shape === 'pairs' ? readPairs(body, reader, out) : readTuples(body, reader, out, shape);
    }
  }
  if (reader.opts.truncated) {
    out.truncated = true;
    if (dropped !== null) reader.unreadablePiece({ code: 'cut-dropped', params: { item: shortened(dropped.trim()) } });
    else reader.warn({ code: 'cut', params: {} });
  }
  out.warnings = reader.warnings;
  if (reader.notices.length > 0) out.notices = reader.notices;
  if (reader.unreadable > 0) out.unreadable = reader.unreadable;
  return out;
}

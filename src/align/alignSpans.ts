import type { Extraction, LocatedExtraction, Offsets } from '../domain/types.ts';
import { TextIndex, type Range, type Skip } from '../text/textIndex.ts';
import { noticesOf, shortened, warningText, warnInto, type Notice } from '../format/warnings.ts';

/**
 * Places entity and sentiment-word spans, which come in text order and rarely overlap (the stockmark gold
 * never does): take the first occurrence at or after the previous span that overlaps nothing placed, so
 * repeated mentions take successive occurrences and a name that also occurs earlier, unmarked, still lands
 * where the model meant it. Falls back to earlier and then to overlapping occurrences, so nesting works.
 * (Preferring occurrences with clean word boundaries was measured on the stockmark gold and did worse.)
 */
class SpanPlacer {
  private cursor = 0;
  private readonly placed: Range[] = [];
  /** For many spans, the code points already taken (checking a list would be quadratic). */
  private readonly taken: Uint8Array | null;

  constructor(
    private readonly index: TextIndex,
    spans: number,
  ) {
    this.taken = spans > 32 ? new Uint8Array(index.length) : null;
    this.skips = spans > 32 ? new Map() : null;
  }

  // Bound once per placer, not an arrow field: tsx (the CLI) would name every such closure as it is made.
  private readonly free = this.isFree.bind(this);

  private isFree(r: Range): boolean {
    if (this.taken === null) return !this.placed.some((p) => p[0] < r[1] && r[0] < p[1]);
    for (let i = r[0]; i < r[1]; i++) if (this.taken[i]) return false;
    return true;
  }

  /**
   * Per needle, how far its occurrences are known to be taken (see Skip): repeats of one span stay linear.
   * Only for many spans, like `taken`: a few spans cannot make the scans quadratic.
   */
  private readonly skips: Map<string, Skip> | null;

  place(needle: string): Offsets {
    let skip: Skip | undefined;
    if (this.skips !== null) {
      skip = this.skips.get(needle);
      if (skip === undefined) this.skips.set(needle, (skip = { exact: 0, norm: 0 }));
    }
    const pick =
      this.index.find(needle, this.cursor, this.free, skip) ??
      this.index.find(needle, 0, this.free, skip) ??
      this.index.find(needle, this.cursor, ANY) ??
      this.index.find(needle, 0, ANY);
    if (!pick) return null;
    if (this.taken) this.taken.fill(1, pick[0], pick[1]);
    else this.placed.push(pick);
    this.cursor = pick[1];
    return pick;
  }
}

const ANY = () => true;

/** Tuple arguments name things: repeated arguments across tuples mean the same mention, so take the first. */
const firstOccurrence = (index: TextIndex, needle: string): Offsets => index.find(needle, 0, ANY);

/** Where each span string lands in the text, by the rule above (null: not found); what alignSpans places, alone. */
export function placeSpans(index: TextIndex, spans: readonly { text: string }[]): Offsets[] {
  const placer = new SpanPlacer(index, spans.length);
  return spans.map((e) => placer.place(e.text));
}

/**
 * Adds `[start, end)` offsets (Unicode code points) into `text` for every span string of an Extraction.
 * Strings that cannot be found keep null offsets and get one warning each. Returns a new Extraction.
 */
export function alignSpans(text: string, extraction: Extraction): LocatedExtraction {
  const index = new TextIndex(text);
  const missing = new Missing(index, noticesOf(extraction), extraction.warnings);

  const placed = placeSpans(index, extraction.entities);
  const entities = extraction.entities.map((e, i) => {
    const r = missing.check('span', e.text, placed[i]!, e.label);
    return { label: e.label, text: e.text, start: r ? r[0] : null, end: r ? r[1] : null };
  });
  const relations = extraction.relations.map((t) => ({
    head: t.head,
    relation: t.relation,
    tail: t.tail,
    offsets: { head: missing.argument('head', t.head), tail: missing.argument('tail', t.tail) },
  }));
  const events = extraction.events.map((q) => ({
    subject: q.subject,
    trigger: q.trigger,
    object: q.object,
    time: q.time,
    offsets: {
      subject: missing.argument('subject', q.subject),
      trigger: missing.argument('trigger', q.trigger),
      object: q.object === null ? null : missing.argument('object', q.object),
      time: missing.argument('time', q.time),
    },
  }));
  const out: LocatedExtraction = { ...extraction, entities, relations, events, warnings: missing.warnings };
  if (missing.notices?.length) out.notices = missing.notices;
  // Only where there is one to drop: a delete is a slow runtime call even for a key that is not there.
  else if (out.notices !== undefined) delete out.notices;
  return out;
}

/**
 * The warnings of an alignment: those that came in, and one per string not found (a class, not closures
 * per call: the CLI runs through tsx, which names every named closure as it is made). The notices stay in
 * step with the warnings only where they were in step when they came in.
 */
class Missing {
  readonly warnings: string[];
  notices: Notice[] | undefined;
  private readonly inStep: boolean;

  constructor(
    private readonly index: TextIndex,
    known: readonly Notice[] | null,
    warnings: readonly string[],
  ) {
    this.warnings = [...warnings];
    this.notices = known ? [...known] : undefined;
    this.inStep = known !== null;
  }

  check(role: string, s: string, r: Offsets, label?: string): Offsets {
    if (r === null) {
      const n: Notice = { code: 'not-found', params: label === undefined ? { role, text: shortened(s, 200) } : { role, label, text: shortened(s, 200) } };
      if (this.inStep) warnInto(this, n);
      else this.warnings.push(warningText(n));
    }
    return r;
  }

  /** A tuple argument placed at its first occurrence, or warned about. */
  argument(role: string, s: string): Offsets {
    return this.check(role, s, firstOccurrence(this.index, s));
  }
}

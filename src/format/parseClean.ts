import type { Extraction, TaskId } from '../domain/types.ts';
import { emptyExtraction } from '../domain/types.ts';
import { TASKS } from './taskCatalog.ts';
import type { FormatProfile } from './profile.ts';
import { tasksByIwLength } from './splitInput.ts';
import { cutTail } from './cutTail.ts';

/**
 * The reading of an output that has nothing for the general parser to decide: `<category>IW:item:item`
 * with no whitespace, no full-width structure, no stop string, no echo, a known category and labels, and
 * every item whole. That is nearly every gold output and most predictions, and reading it in one pass
 * over the string is several times cheaper than the general parser's cutting and trimming.
 *
 * It returns null the moment anything is not plain (anything that would warn, join, or be cut), and then
 * the general parser reads the output from the start; so it never decides anything the general parser
 * would decide differently. `parseClean.test.ts` checks that on real data and on generated outputs.
 */

/** One width's structure: its four characters, and what the scan does with every code unit. */
interface Width {
  lt: number;
  gt: number;
  colon: string;
  semi: string;
  /** 0: plain; 1: sends the output to the general parser (unless a stop string starts there); 2: an ASCII space. */
  scan: Uint8Array;
}

interface Plain {
  ascii: Width;
  /** Null where the profile does not read full-width structure. */
  full: Width | null;
  /** Per task: its IW (when it holds no structure), and whether another IW begins with it. */
  iw: Partial<Record<TaskId, { said: string; extended: boolean }>>;
}

const SPACE = 0x20;
const ASCII = '<>:;';
const FULL = '＜＞：；';

/**
 * The code units trim() and \s remove (ECMAScript's WhiteSpace and LineTerminator): the general parser
 * trims pieces, labels and spans. Listed, not found by trying all 65,536 at the first parse (4 ms a
 * table); a test checks the list against trim().
 */
export const TRIMMED = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff] as const;

const plainOf = new WeakMap<FormatProfile, Plain | null>();

function widthOf(chars: string, other: string | null, profile: FormatProfile): Width {
  const scan = new Uint8Array(0x10000);
  for (const c of TRIMMED) scan[c] = 1;
  scan[SPACE] = 2;
  // A second opener may start an echoed label set; the other width's structure is the general parser's to judge.
  scan[chars.charCodeAt(0)] = 1;
  if (other !== null) for (const ch of other) scan[ch.charCodeAt(0)] = 1;
  for (const s of profile.stopStrings) scan[s.charCodeAt(0)] = 1;
  return { lt: chars.charCodeAt(0), gt: chars.charCodeAt(1), colon: chars[2]!, semi: chars[3]!, scan };
}

function makePlain(profile: FormatProfile): Plain | null {
  if (profile.stopStrings.includes('') || profile.tailJunk.includes('')) return null;
  const fullwidth = profile.punctuation === 'ascii+fullwidth';
  const ascii = widthOf(ASCII, fullwidth ? FULL : null, profile);
  const full = fullwidth ? widthOf(FULL, ASCII, profile) : null;
  const iw: Plain['iw'] = {};
  const order = tasksByIwLength(profile);
  for (const t of order) {
    const own = profile.iw[t];
    if (own === '' || [...own].some((ch) => ascii.scan[ch.charCodeAt(0)] !== 0 || full?.scan[ch.charCodeAt(0)] || ASCII.includes(ch) || FULL.includes(ch))) continue;
    iw[t] = { said: own, extended: order.some((o) => profile.iw[o] !== own && profile.iw[o].startsWith(own)) };
  }
  return { ascii, full, iw };
}

function plainFor(profile: FormatProfile): Plain | null {
  let p = plainOf.get(profile);
  if (p === undefined) {
    p = makePlain(profile);
    plainOf.set(profile, p);
  }
  return p;
}

/** Whether a source text could be echoed in front of a plain output: only one that starts like it, with `<`. */
function textMayEcho(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (String.fromCharCode(c).trim() === '') continue;
    return c === 0x3c || c === 0xff1c;
  }
  return false;
}

/**
 * The Extraction of a plain output, or null when the output needs the general parser. `text` is the
 * source text when there is one (a `:` in it may belong to a name, which only the general parser joins).
 */
export function parseClean(output: string, task: TaskId, profile: FormatProfile, text: string | undefined): Extraction | null {
  const plain = plainFor(profile);
  if (plain === null) return null;
  const own = plain.iw[task];
  if (own === undefined) return null;
  const iw = own.said;
  const c0 = output.charCodeAt(0);
  const w = c0 === plain.ascii.lt ? plain.ascii : plain.full !== null && c0 === plain.full.lt ? plain.full : null;
  if (w === null) return null;
  if (text !== undefined && (text.includes(':') || text.includes('：') || textMayEcho(text))) return null;
  for (const s of profile.stopStrings) if (output.startsWith(s)) return null;

  const { scan, gt, colon, semi } = w;
  const colonCode = colon.charCodeAt(0);
  const semiCode = semi.charCodeAt(0);
  let n = output.length;
  let close = -1;
  for (let i = 1; i < n; i++) {
    const c = output.charCodeAt(i);
    const k = scan[c];
    if (k === 2) {
      // A space inside a name is kept as it is; one the general parser would trim away is its to drop.
      const before = output.charCodeAt(i - 1);
      const next = output.charCodeAt(i + 1);
      if (i + 1 >= n || before === w.lt || before === gt || before === colonCode || before === semiCode) return null;
      if (next === gt || next === colonCode || next === semiCode) return null;
    } else if (k === 1) {
      // Nothing before here can start a stop string; where one starts here, the output ends here if the
      // general parser's own cut says so (nothing else to trim from what is left).
      if (cutTail(output, profile).s.length !== i) return null;
      n = i;
    } else if (c === gt && close < 0) close = i;
  }
  if (n === output.length) for (const s of profile.tailJunk) if (output.endsWith(s)) return null;
  if (close < 2) return null;
  const category = output.slice(1, close);
  if (!profile.categories[task].includes(category)) return null;
  const body = close + 1;
  const from = body + iw.length;
  if (n < from || !output.startsWith(iw, body)) return null;
  // 感情抽出名詞 may be the start of 感情抽出名詞形容詞: it is this task's IW only where an item or the end follows.
  if (own.extended && from < n && output.charCodeAt(from) !== colonCode) return null;

  const out = emptyExtraction(task, category);
  const shape = TASKS[task].shape;
  if (shape === 'pairs') {
    const known = TASKS[task].wordLabelsComplete ? profile.wordLabels[task] : null;
    for (let a = from; a < n; ) {
      let b = output.indexOf(colon, a);
      if (b < 0 || b > n) b = n;
      if (b > a) {
        const at = output.indexOf(semi, a);
        if (at < 0 || at >= b - 1 || at === a) return null;
        const label = output.slice(a, at);
        if (known !== null && !known.includes(label)) return null;
        out.entities.push({ label, text: output.slice(at + 1, b) });
      }
      a = b + 1;
    }
    return out;
  }
  const most = shape === 'triple' ? 3 : 4;
  const fields: string[] = [];
  for (let a = from; a < n; ) {
    let b = output.indexOf(colon, a);
    if (b < 0 || b > n) b = n;
    if (b > a) {
      fields.length = 0;
      for (let f = a; ; ) {
        let e = output.indexOf(semi, f);
        if (e < 0 || e > b) e = b;
        if (e === f || fields.length === most) return null;
        fields.push(output.slice(f, e));
        if (e === b) break;
        f = e + 1;
      }
      if (shape === 'triple') {
        if (fields.length !== 3) return null;
        out.relations.push({ head: fields[0]!, relation: fields[1]!, tail: fields[2]! });
      } else if (fields.length === 4) {
        out.events.push({ subject: fields[0]!, trigger: fields[1]!, object: fields[2]!, time: fields[3]! });
      } else if (fields.length === 3) {
        out.events.push({ subject: fields[0]!, trigger: fields[1]!, object: null, time: fields[2]! });
      } else return null;
    }
    a = b + 1;
  }
  return out;
}

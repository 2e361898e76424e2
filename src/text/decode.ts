// Text files come in the encodings Japanese tools write: UTF-8 (with or without BOM), UTF-16 with a BOM
// (Excel's "Unicode text"), Shift_JIS/CP932 (Excel's CSV on Japanese Windows) and EUC-JP (older Unix
// tools). `TextDecoder` (WHATWG Encoding) has all of them in browsers and in Node.

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'euc-jp'] as const;
export type TextEncodingName = (typeof ENCODINGS)[number];

export interface Decoded {
  text: string;
  encoding: TextEncodingName;
  /** How the encoding was found: a byte order mark, the only one that decodes, the likelier of several, or the user's choice. */
  by: 'bom' | 'valid' | 'likelier' | 'chosen';
}

const tryDecode = (bytes: Uint8Array, encoding: TextEncodingName): string | null => {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
};

/** How Japanese a decoding looks: kana and common kanji count for it; half-width kana and private-use characters against. */
function japaneseScore(s: string): number {
  let score = 0;
  for (const ch of s.slice(0, 20_000)) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e)) score += 2;
    else if ((c >= 0xff61 && c <= 0xff9f) || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0x80 && c < 0xa0)) score -= 3;
  }
  return score;
}

/**
 * Decodes a file's bytes: by its BOM, else UTF-8 when the bytes are valid UTF-8, else Shift_JIS or EUC-JP
 * (whichever decodes and reads as more Japanese). Null when no encoding decodes them: the file is not text.
 */
export function decodeText(bytes: Uint8Array, chosen?: TextEncodingName): Decoded | null {
  if (chosen) {
    const text = new TextDecoder(chosen).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: chosen, by: 'chosen' };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', by: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', by: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', by: 'bom' };
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', by: 'valid' };
  const candidates = (['shift_jis', 'euc-jp'] as const).map((encoding) => ({ encoding, text: tryDecode(bytes, encoding) })).filter((c): c is { encoding: 'shift_jis' | 'euc-jp'; text: string } => c.text !== null);
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return { ...candidates[0]!, by: 'valid' };
  const best = candidates.reduce((a, b) => (japaneseScore(b.text) > japaneseScore(a.text) ? b : a));
  return { ...best, by: 'likelier' };
}

/** Whether bytes are a zip archive (a brat collection): its local-file-header signature. */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Whether decoded text is really binary data: NUL in more than one of every 1,000 characters of its first
 * 64 Ki. One stray NUL in a long corpus (a bad line) is that line's problem, not the file's; a binary file
 * (or UTF-16 without a BOM) is full of them.
 */
export function looksBinary(text: string): boolean {
  const sample = Math.min(text.length, 65_536);
  let nul = 0;
  for (let at = text.indexOf('\0'); at !== -1 && at < sample; at = text.indexOf('\0', at + 1)) nul++;
  return nul > 0 && nul * 1000 > sample;
}

/**
 * Lines holding a NUL, which no text line has, left out as blank lines (so every other line keeps its
 * number): the text without them and their 1-based numbers.
 */
export function withoutNulLines(text: string): { text: string; lines: number[] } {
  if (text.indexOf('\0') === -1) return { text, lines: [] };
  const parts: string[] = [];
  const lines: number[] = [];
  let from = 0;
  let line = 1;
  let counted = 0;
  for (let at = text.indexOf('\0'); at !== -1; at = text.indexOf('\0', from)) {
    const start = text.lastIndexOf('\n', at) + 1;
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    for (let k = text.indexOf('\n', counted); k !== -1 && k < start; k = text.indexOf('\n', k + 1)) line++;
    counted = start;
    lines.push(line);
    parts.push(text.slice(from, start));
    from = end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), lines };
}

/** Lone CRs (classic Mac line ends) as LF, so every reader sees one line end; CRLF is left as it is. */
export const loneCrAsLf = (text: string) => (text.indexOf('\r') === -1 ? text : text.replace(/\r(?!\n)/g, '\n'));

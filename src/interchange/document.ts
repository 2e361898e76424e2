import type { LocatedExtraction } from '../domain/types.ts';

/** A text with its (located) extraction: the unit every import and export format carries. */
export interface AnnotatedDocument {
  id: string | null;
  text: string;
  extraction: LocatedExtraction;
}

/** Code-point offset → UTF-16 offset (Label Studio and JavaScript count UTF-16 units). */
export function utf16Offset(text: string, cp: number): number {
  let units = 0;
  let n = 0;
  for (const ch of text) {
    if (n === cp) return units;
    units += ch.length;
    n++;
  }
  return units;
}

/** UTF-16 offset → code-point offset. */
export function codePointOffset(text: string, units: number): number {
  let u = 0;
  let n = 0;
  for (const ch of text) {
    if (u >= units) return n;
    u += ch.length;
    n++;
  }
  return n;
}

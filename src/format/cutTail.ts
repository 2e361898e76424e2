import type { FormatProfile } from './profile.ts';

/** Drops stop strings and the junk later datasets leave at the end; says whether the generation visibly ended. */
export function cutTail(raw: string, profile: FormatProfile): { s: string; ended: boolean } {
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

import type { TaskId } from '../domain/types.ts';
import { partSeparatorOf, type FormatProfile } from './profile.ts';

const labelSets = new WeakMap<readonly string[], string>();

/** The label set as the model saw it: one `<label>` per candidate, no commas or spaces. */
export function labelSetString(labels: readonly string[]): string {
  let s = labelSets.get(labels);
  if (s === undefined) {
    s = labels.map((l) => `<${l}>`).join('');
    labelSets.set(labels, s);
  }
  return s;
}

/** The exact model input: text, label set (where the profile has one in the input) and IW, joined by the profile's separator. */
export function buildInput(text: string, task: TaskId, profile: FormatProfile): string {
  const sep = partSeparatorOf(profile);
  const parts = profile.labelSetInInput === false ? [text, profile.iw[task]] : [text, labelSetString(profile.categories[task]), profile.iw[task]];
  return parts.join(sep);
}

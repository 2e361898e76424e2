import type { TaskId } from '../domain/types.ts';
import { buildInput } from './buildInput.ts';
import type { FormatProfile } from './profile.ts';
import { TASK_IDS } from './taskCatalog.ts';

const byIwLength = new WeakMap<FormatProfile['iw'], readonly TaskId[]>();

/** The tasks, longest IW first, so an IW that ends another cannot cut it short (worked out once per profile). */
export function tasksByIwLength(profile: FormatProfile): readonly TaskId[] {
  let order = byIwLength.get(profile.iw);
  if (order === undefined) {
    order = [...TASK_IDS].sort((a, b) => profile.iw[b].length - profile.iw[a].length);
    byIwLength.set(profile.iw, order);
  }
  return order;
}

/** The text without a `<label>` set at its end, nor the whitespace around that set. */
export const dropLabelSet = (s: string): string => s.replace(/\s*(?:[<＜][^<>＜＞]*[>＞])+\s*$/, '');

/**
 * The inverse of buildInput: a model input back into its source text and task. An input built with the
 * profile splits exactly; otherwise (another separator, another label set, none) the IW is taken off the
 * end, then any `<label>` set and the whitespace before it. Null when no IW of the profile ends it.
 */
export function splitInput(input: string, profile: FormatProfile): { text: string; task: TaskId } | null {
  const tasks = tasksByIwLength(profile);
  for (const task of tasks) {
    const tail = buildInput('', task, profile);
    if (input.endsWith(tail) && input.length > tail.length) return { text: input.slice(0, -tail.length), task };
  }
  const trimmed = input.replace(/\s+$/, '');
  const task = tasks.find((t) => trimmed.endsWith(profile.iw[t]));
  if (!task) return null;
  return { text: dropLabelSet(trimmed.slice(0, -profile.iw[task].length)).replace(/\s+$/, ''), task };
}

import type { TaskId } from '../domain/types.ts';
import { TASK_IDS, TASKS, isTaskId } from './taskCatalog.ts';
import { wordIn, type Coded } from '../text/codedMessages.ts';

/**
 * Every detail of the input/output format that giellm-format.md marks inferred or unknown lives here as
 * data, so a user can match whatever a given checkpoint was trained on without a code change.
 */
export interface FormatProfile {
  id: string;
  name: string;
  /** Between text, label set and IW in the input: newline in the model card, nothing in the TCREE CSV. */
  partSeparator: 'newline' | 'none';
  /**
   * Whether the input carries the text-level label set between the text and the IW. The paper (section 3)
   * and the model card put it there; the authors' TCREE CSV input has none (`{text}{IW}`).
   */
  labelSetInInput: boolean;
  /** Which `: ; < >` widths the parser treats as structure; serialization always writes ASCII. */
  punctuation: 'ascii' | 'ascii+fullwidth';
  /** `:Label;Span` pairs end without `:` in the card; a profile may expect one. */
  pairsTrailingColon: boolean;
  /** Several tuples share one `:` between them (`:a;b;c:d;e;f:`) or each keeps its own (`:a;b;c::d;e;f:`). */
  tupleJoin: 'shared' | 'doubled';
  /** Strings after which a generation is over (end-of-sequence text a runtime may leave in). */
  stopStrings: string[];
  /** Junk seen at the end of outputs in later datasets, stripped before parsing. */
  tailJunk: string[];
  iw: Record<TaskId, string>;
  categories: Record<TaskId, string[]>;
  wordLabels: Record<TaskId, string[]>;
  /** A colour chosen for a word label (`#rrggbb`); labels without one take the palette's by their place. */
  labelColours: Record<string, string>;
  /**
   * A key of one's own for a word label: one letter a–z, pressed alone. brat's kb_shortcuts.conf and Label
   * Studio's `<Label hotkey>` carry it. Labels without one keep their number key.
   */
  labelKeys: Record<string, string>;
}

const perTask = <T>(pick: (id: TaskId) => T): Record<TaskId, T> =>
  Object.fromEntries(TASK_IDS.map((id) => [id, pick(id)])) as Record<TaskId, T>;

/** Matches the model card: newline-separated input, ASCII structure, confirmed IWs and label sets. */
export const DEFAULT_PROFILE: FormatProfile = Object.freeze({
  id: 'model-card',
  name: 'Model card (newline separated)',
  partSeparator: 'newline',
  labelSetInInput: true,
  punctuation: 'ascii+fullwidth',
  pairsTrailingColon: false,
  tupleJoin: 'shared',
  stopStrings: ['</s>', '<|endoftext|>', '<eos>'],
  tailJunk: ['\\/n', '\\n'],
  iw: perTask((id) => TASKS[id].defaultIw),
  categories: perTask((id) => [...TASKS[id].defaultCategories]),
  wordLabels: perTask((id) => [...TASKS[id].wordLabels]),
  labelColours: {},
  labelKeys: {},
}) as FormatProfile;

/**
 * The input exactly as the authors' TCREE CSV has it: text and IW with nothing between and no label set
 * (`…発表された。イベント抽出`). Whether GIELLM-13B was trained on this form or the paper's is unknown.
 */
export const CSV_PROFILE: FormatProfile = {
  ...DEFAULT_PROFILE,
  id: 'tcree-csv',
  name: 'TCREE CSV (text + IW, no label set)',
  partSeparator: 'none',
  labelSetInInput: false,
};

/** The profiles the app offers ready-made: the paper's/model card's input form, and the TCREE CSV's. */
export const BUILTIN_PROFILES: readonly FormatProfile[] = [DEFAULT_PROFILE, CSV_PROFILE];

export function partSeparatorOf(profile: FormatProfile): string {
  return profile.partSeparator === 'newline' ? '\n' : '';
}

/** What is wrong with a profile, by code, worded in English here (the CLI, files) and by a UI in its language. */
export const PROFILE_ERROR_TEXT = {
  'not-object': () => 'expected a JSON object',
  'not-name': () => 'expected a non-empty string',
  'not-one-of': (p: { allowed: string }) => `expected one of ${p.allowed}`,
  'not-list': () => 'expected a list of strings',
  'not-boolean': () => 'expected true or false',
  'not-table': () => 'expected an object keyed by task id',
  'unknown-task': (p: { tasks: string }) => `unknown task (expected one of ${p.tasks})`,
  'iw-form': () => 'expected a non-empty string without : ; < > or line breaks',
  'label-form': (p: { label: string }) => `label ${JSON.stringify(p.label)} is empty or contains : ; < >`,
  'iw-taken': (p: { iw: string; task: string }) => `${JSON.stringify(p.iw)} is already the IW of ${p.task}`,
  'label-duplicate': (p: { label: string }) => `label ${JSON.stringify(p.label)} is in the list twice`,
  'colour-form': (p: { label: string }) => `the colour of ${JSON.stringify(p.label)} is not a #rrggbb colour`,
  'key-form': (p: { label: string }) => `the key of ${JSON.stringify(p.label)} is not one letter a-z`,
  'key-duplicate': (p: { key: string; label: string; other: string }) => `key ${JSON.stringify(p.key)} is given to both ${JSON.stringify(p.other)} and ${JSON.stringify(p.label)}`,
} as const;
export type ProfileErrorCode = keyof typeof PROFILE_ERROR_TEXT;
/** A problem with one field of a profile (`path`: `iw.ner`, `categories.re`…), as data. */
export type ProfileProblem = Coded<typeof PROFILE_ERROR_TEXT, { path: string }>;
export const profileProblemText = (p: ProfileProblem) => `${p.path}: ${wordIn(PROFILE_ERROR_TEXT, p)}`;

export type ProfileResult = { ok: true; profile: FormatProfile } | { ok: false; errors: string[]; problems: ProfileProblem[] };

/**
 * Reads a user-edited profile (JSON from storage or a file). Missing fields fall back to the default so
 * old saved profiles keep working; wrong ones are reported by field path, and nothing is guessed.
 */
export function validateProfile(input: unknown): ProfileResult {
  const problems: ProfileProblem[] = [];
  const fail = (p: ProfileProblem) => void problems.push(p);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const p: ProfileProblem = { path: 'profile', code: 'not-object', params: {} };
    return { ok: false, errors: [profileProblemText(p)], problems: [p] };
  }
  const raw = input as Record<string, unknown>;
  const out: FormatProfile = structuredClone({ ...DEFAULT_PROFILE });

  const str = (key: 'id' | 'name') => {
    if (raw[key] === undefined) return;
    if (typeof raw[key] === 'string' && raw[key] !== '') out[key] = raw[key];
    else fail({ path: key, code: 'not-name', params: {} });
  };
  const oneOf = <K extends 'partSeparator' | 'punctuation' | 'tupleJoin'>(key: K, allowed: readonly FormatProfile[K][]) => {
    if (raw[key] === undefined) return;
    if ((allowed as unknown[]).includes(raw[key])) out[key] = raw[key] as FormatProfile[K];
    else fail({ path: key, code: 'not-one-of', params: { allowed: allowed.map((a) => JSON.stringify(a)).join(', ') } });
  };
  const stringList = (value: unknown, path: string): string[] | undefined => {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    fail({ path, code: 'not-list', params: {} });
    return undefined;
  };

  str('id');
  str('name');
  oneOf('partSeparator', ['newline', 'none']);
  oneOf('punctuation', ['ascii', 'ascii+fullwidth']);
  oneOf('tupleJoin', ['shared', 'doubled']);
  for (const key of ['pairsTrailingColon', 'labelSetInInput'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] === 'boolean') out[key] = raw[key];
    else fail({ path: key, code: 'not-boolean', params: {} });
  }
  for (const key of ['stopStrings', 'tailJunk'] as const) {
    if (raw[key] === undefined) continue;
    const list = stringList(raw[key], key);
    if (list) out[key] = list.filter((s) => s !== '');
  }
  for (const key of ['iw', 'categories', 'wordLabels'] as const) {
    const table = raw[key];
    if (table === undefined) continue;
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      fail({ path: key, code: 'not-table', params: {} });
      continue;
    }
    for (const [task, value] of Object.entries(table)) {
      if (!isTaskId(task)) {
        fail({ path: `${key}.${task}`, code: 'unknown-task', params: { tasks: TASK_IDS.join(', ') } });
        continue;
      }
      if (key === 'iw') {
        if (typeof value === 'string' && value.trim() !== '' && !/[:;<>：；＜＞\n]/.test(value)) out.iw[task] = value;
        else fail({ path: `iw.${task}`, code: 'iw-form', params: {} });
        continue;
      }
      const list = stringList(value, `${key}.${task}`);
      if (!list) continue;
      const bad = list.find((l) => l.trim() === '' || /[:;<>：；＜＞\n]/.test(l));
      // A label twice would be two keys for one label, and one of them never the first.
      const twice = list.find((l, i) => list.indexOf(l) !== i);
      if (bad !== undefined) fail({ path: `${key}.${task}`, code: 'label-form', params: { label: bad } });
      else if (twice !== undefined) fail({ path: `${key}.${task}`, code: 'label-duplicate', params: { label: twice } });
      else out[key][task] = list;
    }
  }
  if (raw.labelColours !== undefined) {
    const table = raw.labelColours;
    if (typeof table !== 'object' || table === null || Array.isArray(table)) fail({ path: 'labelColours', code: 'not-table', params: {} });
    else
      for (const [label, colour] of Object.entries(table)) {
        if (typeof colour === 'string' && /^#[0-9a-f]{6}$/i.test(colour)) out.labelColours[label] = colour.toLowerCase();
        else fail({ path: `labelColours.${label}`, code: 'colour-form', params: { label } });
      }
  }
  if (raw.labelKeys !== undefined) {
    const table = raw.labelKeys;
    if (typeof table !== 'object' || table === null || Array.isArray(table)) fail({ path: 'labelKeys', code: 'not-table', params: {} });
    else
      for (const [label, key] of Object.entries(table)) {
        // One letter pressed alone: brat reads its keys as letters (client/src/annotator_ui.js:175, String.fromCharCode(keyCode)).
        if (typeof key === 'string' && /^[a-z]$/i.test(key)) out.labelKeys[label] = key.toLowerCase();
        else fail({ path: `labelKeys.${label}`, code: 'key-form', params: { label } });
      }
    // Within one task a key means one label; two tasks may reuse it, as only one is edited at a time.
    for (const task of TASK_IDS) {
      const owner = new Map<string, string>();
      for (const label of out.wordLabels[task]) {
        const key = out.labelKeys[label];
        if (key === undefined) continue;
        const other = owner.get(key);
        if (other !== undefined) fail({ path: `labelKeys.${label}`, code: 'key-duplicate', params: { key, label, other } });
        else owner.set(key, label);
      }
    }
  }
  // One IW names one task: an output naming it could not say which task it answers.
  const owner = new Map<string, TaskId>();
  for (const task of TASK_IDS) {
    const first = owner.get(out.iw[task]);
    if (first !== undefined) fail({ path: `iw.${task}`, code: 'iw-taken', params: { iw: out.iw[task], task: first } });
    else owner.set(out.iw[task], task);
  }
  return problems.length ? { ok: false, errors: problems.map(profileProblemText), problems } : { ok: true, profile: out };
}

import type { FormatProfile } from '../format/profile.ts';
import { isTaskId, TASK_IDS } from '../format/taskCatalog.ts';
import { formatInputError, readRecords, type InputError } from '../data/records.ts';
import { UsageError, type CliIo } from './io.ts';

// What every command receives and the helpers they share: kept apart from main.ts, which imports the
// commands, so that no command imports main.ts back.

export interface Context {
  io: CliIo;
  profile: FormatProfile;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Reads JSONL records from FILE or stdin, with every bad line as an error beside the good records. */
export async function readRecordFile(ctx: Context, path: string | undefined) {
  const name = path ?? '<stdin>';
  const content = path === undefined ? await ctx.io.readStdin() : await ctx.io.readFile(path);
  return readRecords(content, name, ctx.profile);
}

/** Prints input errors after the good output; the exit code says some input was bad. */
export function finish(ctx: Context, errors: InputError[]): number {
  if (errors.length === 0) return 0;
  ctx.io.err(errors.map(formatInputError).join('\n'));
  return 2;
}

export function requireTask(value: unknown) {
  if (!isTaskId(value)) throw new UsageError(`--task must be one of ${TASK_IDS.join(', ')}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`);
  return value;
}


import { buildInput } from '../format/buildInput.ts';
import { numberedLines } from '../data/records.ts';
import { UsageError } from './io.ts';
import { finish, readRecordFile, requireTask, type Context } from './context.ts';

/**
 * `--text S` prints the input itself; a FILE prints one JSON line per record or text line. A JSONL record
 * keeps its own task; `--task` is then optional, and a record whose task differs from it is reported, not
 * silently re-tasked.
 */
export async function promptCommand(ctx: Context): Promise<number> {
  const file = ctx.positionals[0];
  if (typeof ctx.values.text === 'string') {
    if (file !== undefined) throw new UsageError('give --text or a FILE, not both');
    ctx.io.out(buildInput(ctx.values.text, requireTask(ctx.values.task), ctx.profile));
    return 0;
  }
  if (file === undefined) throw new UsageError('give --text S or a FILE (JSONL records, or plain text with one text per line)');
  if (/\.jsonl?$/i.test(file)) {
    const wanted = ctx.values.task === undefined ? null : requireTask(ctx.values.task);
    const { records, errors } = await readRecordFile(ctx, file);
    for (const r of records) {
      if (wanted !== null && r.task !== wanted) {
        errors.push({ file, line: r.line, message: `the record's task is ${r.task}, not --task ${wanted} (leave --task out to use each record's own)` });
        continue;
      }
      ctx.io.out(JSON.stringify({ ...(r.id === undefined ? {} : { id: r.id }), task: r.task, input: buildInput(r.text, r.task, ctx.profile) }));
    }
    errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return finish(ctx, errors);
  }
  const task = requireTask(ctx.values.task);
  for (const { line, text } of numberedLines(await ctx.io.readFile(file))) {
    ctx.io.out(JSON.stringify({ line, input: buildInput(text.trim(), task, ctx.profile) }));
  }
  return 0;
}

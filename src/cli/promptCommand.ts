import { buildInput } from '../format/buildInput.ts';
import { numberedLines } from '../data/records.ts';
import { UsageError } from './io.ts';
import { finish, readRecordFile, requireTask, type Context } from './main.ts';

/** `--text S` prints the input itself; a FILE prints one JSON line per record or text line. */
export async function promptCommand(ctx: Context): Promise<number> {
  const task = requireTask(ctx.values.task);
  const file = ctx.positionals[0];
  if (typeof ctx.values.text === 'string') {
    if (file !== undefined) throw new UsageError('give --text or a FILE, not both');
    ctx.io.out(buildInput(ctx.values.text, task, ctx.profile));
    return 0;
  }
  if (file === undefined) throw new UsageError('give --text S or a FILE (JSONL records, or plain text with one text per line)');
  if (/\.jsonl?$/i.test(file)) {
    const { records, errors } = await readRecordFile(ctx, file);
    for (const r of records) {
      ctx.io.out(JSON.stringify({ ...(r.id === undefined ? {} : { id: r.id }), input: buildInput(r.text, task, ctx.profile) }));
    }
    return finish(ctx, errors);
  } else {
    for (const { line, text } of numberedLines(await ctx.io.readFile(file))) {
      ctx.io.out(JSON.stringify({ line, input: buildInput(text.trim(), task, ctx.profile) }));
    }
  }
  return 0;
}

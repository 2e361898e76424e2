import { extract } from '../extract.ts';
import { finish, readRecordFile, type Context } from './context.ts';

/** Prints one Extraction per good record; bad lines and records without an output are reported after. */
export async function parseCommand(ctx: Context): Promise<number> {
  const file = ctx.positionals[0];
  const { records, errors } = await readRecordFile(ctx, file);
  for (const r of records) {
    if (r.output === undefined) errors.push({ file: file ?? '<stdin>', line: r.line, message: '"output" is missing: nothing to parse' });
    else ctx.io.out(JSON.stringify(extract(r.output, r.task, ctx.profile, r.text, false, { truncated: r.truncated })));
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return finish(ctx, errors);
}

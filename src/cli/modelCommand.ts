import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkModelFolder, type ModelFolder } from '../models/checkModelFolder.ts';
import { UsageError } from './io.ts';
import type { Context } from './context.ts';

const fsFolder = (dir: string): ModelFolder => ({
  async files() {
    const out = new Map<string, number>();
    for (const e of await readdir(dir, { withFileTypes: true })) if (e.isFile()) out.set(e.name, (await stat(join(dir, e.name))).size);
    return out;
  },
  readText: (name) => readFile(join(dir, name), 'utf8'),
});

/** `giellm model check DIR [--mode giellm|prompted]` */
export async function modelCommand(ctx: Context): Promise<number> {
  const [verb, dir] = ctx.positionals;
  if (verb !== 'check' || dir === undefined) throw new UsageError('usage: giellm model check DIR [--mode giellm|prompted]');
  const mode = ctx.values.mode ?? 'giellm';
  if (mode !== 'giellm' && mode !== 'prompted') throw new UsageError('--mode must be giellm or prompted');
  try {
    if (!(await stat(dir)).isDirectory()) throw new UsageError(`${dir}: not a folder`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${dir}: no such folder`);
  }
  const report = await checkModelFolder(fsFolder(dir), mode);
  for (const s of report.summary) ctx.io.out(`${dir}: ${s}`);
  for (const w of report.warnings) ctx.io.err(`${dir}: warning: ${w}`);
  for (const e of report.errors) ctx.io.err(`${dir}: error: ${e}`);
  ctx.io.out(report.errors.length ? `${dir}: ${report.errors.length} problem(s) to fix before serving this model` : `${dir}: ready to serve (${mode} mode)`);
  return report.errors.length ? 2 : 0;
}

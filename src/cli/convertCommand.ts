import { exportDocuments, FORMATS, formatById } from '../interchange/formats.ts';
import { UsageError } from './io.ts';
import { finish, type Context } from './context.ts';
import { readInputs, reportLosses } from './readInputs.ts';

const writable = () => FORMATS.filter((f) => f.write).map((f) => f.id).join(', ');

/**
 * Converts files between the formats of the registry (src/interchange/formats.ts), through the same
 * readers, document constructor and writers as the app's import and export.
 */
export async function convertCommand(ctx: Context): Promise<number> {
  const files = ctx.positionals;
  if (files.length === 0) throw new UsageError('give one FILE or more to convert');
  const { values, profile, io } = ctx;
  const toId = typeof values.to === 'string' ? values.to : 'records';
  const to = formatById(toId);
  if (!to?.write) throw new UsageError(`--to must be one of ${writable()}${to ? ` (${to.label} is read, not written)` : ''}`);
  const variant = typeof values.table === 'string' ? values.table : undefined;
  if (variant !== undefined && !to.variants?.includes(variant)) throw new UsageError(to.variants ? `--table must be one of ${to.variants.join(', ')}` : `--to ${to.id} has no tables: leave out --table`);
  const { docs, errors } = await readInputs(ctx, files);
  const { file: out, losses } = await exportDocuments({ value: to.id, format: to, variant }, docs, profile, { bom: values['no-bom'] !== true });
  reportLosses(ctx, `--to ${to.id}`, losses);
  const path = typeof values.output === 'string' ? values.output : undefined;
  if (path !== undefined) {
    if (!io.writeFile) throw new UsageError('-o is not available here');
    await io.writeFile(path, out.content);
  } else if (typeof out.content !== 'string') {
    throw new UsageError(`--to ${to.id} writes ${out.name}, a binary file: give -o FILE`);
  } else if (out.content !== '') io.out(out.content.replace(/\n$/, ''));
  return finish(ctx, errors);
}

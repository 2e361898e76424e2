import { convertStockmark } from '../data/stockmark.ts';
import { UsageError } from './io.ts';
import { finish, type Context } from './main.ts';

export async function convertCommand(ctx: Context): Promise<number> {
  if (ctx.values.from !== 'stockmark') throw new UsageError('--from must be stockmark');
  const file = ctx.positionals[0];
  if (file === undefined) throw new UsageError('give the stockmark ner.json FILE');
  const category = typeof ctx.values.category === 'string' ? ctx.values.category : null;
  if (category !== null && !ctx.profile.categories.ner.includes(category)) {
    throw new UsageError(`--category ${JSON.stringify(category)} is not one of ${ctx.profile.categories.ner.join(' ')}`);
  }
  const { records, errors } = convertStockmark(await ctx.io.readFile(file), file, ctx.profile, category);
  for (const r of records) ctx.io.out(JSON.stringify({ ...(r.id === undefined ? {} : { id: r.id }), text: r.text, task: r.task, output: r.output }));
  return finish(ctx, errors);
}

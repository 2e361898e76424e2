import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkModelFolder, type ModelFolder } from '../models/checkModelFolder.ts';
import { engineOf, MODEL_CATALOG, speedClassOf, type ModelInfo } from '../models/catalog.ts';
import { UsageError } from './io.ts';
import type { Context } from './context.ts';
import { gpuMemoryMB } from '../models/memoryBudget.ts';

const fsFolder = (dir: string): ModelFolder => ({
  async files() {
    const out = new Map<string, number>();
    for (const e of await readdir(dir, { withFileTypes: true })) if (e.isFile()) out.set(e.name, (await stat(join(dir, e.name))).size);
    return out;
  },
  readText: (name) => readFile(join(dir, name), 'utf8'),
});

const ENGINE_WORDS = { webllm: 'WebLLM (browser, GPU)', wllama: 'wllama (browser, CPU)', server: 'inference server' } as const;

/** One catalog row, as `model list` prints it and README's model table reads. */
export function catalogRow(m: ModelInfo) {
  const engine = engineOf(m);
  const speed = m.gguf?.cpuTokensPerS;
  return {
    id: m.id,
    engine,
    mode: m.mode,
    downloadMB: m.downloadMB,
    ...(engine === 'webllm' ? { vramMB: gpuMemoryMB(m) } : {}),
    ...(speed ? { cpu: `${speedClassOf(speed.value)}, ~${speed.value} tokens/s on 4 cores (${speed.measured ? 'measured' : 'estimated'})` } : {}),
    license: m.license,
  };
}

/** `giellm model list [--json]`: the catalog and the engine each model runs on. */
function listModels(ctx: Context): number {
  const rows = MODEL_CATALOG.map(catalogRow);
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  for (const r of rows) {
    const size = r.downloadMB >= 1024 ? `${(r.downloadMB / 1024).toFixed(1)} GB` : `${r.downloadMB} MB`;
    ctx.io.out([r.id, ENGINE_WORDS[r.engine], r.mode, size, 'vramMB' in r ? `GPU ${(r.vramMB! / 1024).toFixed(1)} GB` : (r.cpu ?? ''), r.license].join('\t'));
  }
  ctx.io.out('In the browser these run on WebLLM or wllama; the CLI runs any of them through an inference server (giellm annotate --endpoint).');
  return 0;
}

/** `giellm model check DIR [--mode giellm|prompted]`, `giellm model list [--json]` */
export async function modelCommand(ctx: Context): Promise<number> {
  if (ctx.positionals[0] === 'list') return listModels(ctx);
  const [verb, dir] = ctx.positionals;
  if (verb !== 'check' || dir === undefined) throw new UsageError('usage: giellm model check DIR [--mode giellm|prompted] | giellm model list [--json]');
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

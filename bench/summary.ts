import { cpus } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { median, printTable } from './stats.ts';

// The last step of `npm run bench`: every figure the benches wrote to bench/results/, in one table, each
// beside its floor from the same run where there is one, the ratio, the target, and whether it is met.
// Also written as Markdown (bench/results/summary.md) for README's Benchmarks section.

type J = Record<string, unknown>;
const read = (name: string): J | null => {
  const f = resolve('bench', 'results', `${name}.json`);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as J) : null;
};
const get = (o: J | null, path: string): unknown => {
  let v: unknown = o;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as J)[k] : undefined;
  return v;
};
const at = (o: J | null, path: string): number | null => {
  const v = get(o, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
/** The median of a list of runs a bench wrote. */
const medianOf = (o: J | null, path: string): number | null => {
  const v = get(o, path);
  return Array.isArray(v) && v.length && v.every((x) => typeof x === 'number') ? median(v as number[]) : null;
};

export interface SummaryRow {
  figure: string;
  value: string;
  floor: string;
  ratio: string;
  target: string;
  /** Met, missed, or no target. */
  verdict: 'met' | 'missed' | '';
}

const per100k = (x: number | null, n: number | null) => (x === null || !n ? null : (x * 100_000) / n);
const ms = (x: number | null) => (x === null ? '—' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const times = (x: number | null) => (x === null ? '—' : `${x.toFixed(x < 10 ? 2 : 1)}×`);
const mb = (x: number | null) => (x === null ? '—' : `${x.toFixed(0)} MB`);
const fps = (x: number | null) => (x === null ? '—' : `${x.toFixed(0)} fps`);
const us = (x: number | null) => (x === null ? '—' : `${x.toFixed(0)} µs`);
const verdict = (ok: boolean | null): SummaryRow['verdict'] => (ok === null ? '' : ok ? 'met' : 'missed');

/** One row: `value` against `target` (smaller is better unless `atLeast`). */
function row(figure: string, value: number | null, show: (x: number | null) => string, target: number | null, opts: { floor?: number | null; floorShow?: (x: number | null) => string; ratioShow?: (x: number | null) => string; atLeast?: boolean; targetText?: string; onRatio?: boolean } = {}): SummaryRow {
  const ratio = value !== null && opts.floor ? value / opts.floor : null;
  const judged = opts.onRatio ? ratio : value;
  const ok = target === null || judged === null ? null : opts.atLeast ? judged >= target : judged <= target;
  return {
    figure,
    value: show(value),
    floor: opts.floor === undefined ? '' : (opts.floorShow ?? show)(opts.floor ?? null),
    ratio: opts.floor === undefined ? '' : (opts.ratioShow ?? times)(ratio),
    target: opts.targetText ?? (target === null ? '' : `${opts.atLeast ? '≥' : '≤'} ${opts.onRatio ? times(target) : show(target)}`),
    verdict: verdict(ok),
  };
}

export function summaryRows(): SummaryRow[] {
  const core = read('core');
  const coreRows = (core?.results as { label: string; medianMs: number }[] | undefined) ?? [];
  const seq = coreRows.find((r) => r.label.startsWith('parse+align+score'));
  const seqFloor = coreRows.find((r) => r.label.startsWith('JSON.parse of the same'));
  const evalJ = read('eval');
  const render = read('render');
  const corpus = read('corpus');
  const embed = read('embed');
  const server = read('server');
  const cpu = read('cpu');
  const editor = read('editor');
  const editorRuns = (editor?.results as { n: number; addMs: number; undoMs: number; openMs: number }[] | undefined) ?? [];
  const [small, large] = [editorRuns[0] ?? null, editorRuns.at(-1) ?? null];
  const grammar = read('grammar');
  const gq = (grammar?.results as Record<string, { webllm: { heapGrowthMB: number } }> | undefined) ?? {};
  const worstGrammarKB = Math.max(0, ...Object.values(gq).map((r) => (r.webllm.heapGrowthMB * 1024) / (at(grammar, 'sentences') ?? 1)));
  const prompts = read('prompts');
  const ner = ((prompts?.rows as { task: string; giellm: number; prompted5: number }[] | undefined) ?? []).find((r) => r.task === 'ner');
  const throughput = read('throughput');
  const page = read('page');
  const cliJ = read('cli');
  const cliRows = ((cliJ?.results as { name: string; cliMs: number; floorMs: number }[] | undefined) ?? []).map((r) =>
    row(`CLI: ${r.name.replace(/^giellm /, '').replace(/, (\d+) records$/, '')}, per 100,000 records`, per100k(r.cliMs, at(cliJ, 'records')), ms, 10_000, { floor: per100k(r.floorMs, at(cliJ, 'records')), floorShow: (x) => `${ms(x)} (read + parse)`, targetText: '≤ 10 s per 100,000' }),
  );
  const laptop = ((throughput?.onPaper as { perHour: number }[] | undefined) ?? [])[0];
  return [
    row('core: parse + align + score, 187,028 sequences', seq?.medianMs ?? null, ms, 450, { floor: seqFloor?.medianMs ?? null, floorShow: (x) => `${ms(x)} (JSON.parse)` }),
    row('core: peak RSS', at(core, 'peakRssMB'), mb, 300, { floor: at(core, 'dataRssMB'), floorShow: (x) => `${mb(x)} (the sequences alone)` }),
    row('CLI eval --report json, 187,028 records', at(evalJ, 'reportMs'), ms, 1.5, { floor: at(evalJ, 'floorMs'), onRatio: true, targetText: '≤ 1.5× read + parse' }),
    row('render: first, 500 sentences / 5,000 spans', at(render, 'firstRender.medianCommitMs'), ms, 100, { floor: at(render, 'firstRender.medianFloorMs'), floorShow: (x) => `${ms(x)} (plain DOM)`, targetText: '≤ 100 ms, ≤ 3× floor' }),
    row('render: 30 sentences with 100 arcs', at(render, 'arcs.medianMs'), ms, 50, { floor: at(render, 'arcs.medianFloorMs'), floorShow: (x) => `${ms(x)} (same mentions as spans)` }),
    row('render: streamed token update, p95', at(render, 'tokenUpdates.p95Ms'), ms, 8),
    row('editor: add a span, 5,000 vs 500 sentences', large?.addMs ?? null, ms, 2, { floor: small?.addMs ?? null, onRatio: true, targetText: '≈1× (≤ 2×)' }),
    row('editor: undo, 5,000 vs 500 sentences', large?.undoMs ?? null, ms, 2, { floor: small?.undoMs ?? null, onRatio: true, targetText: '≈1× (≤ 2×)' }),
    row('corpus: stockmark import, 5,343 documents', at(corpus, 'stockmark.medianImportMs'), ms, 2000, { floor: at(corpus, 'stockmark.medianStorageFloorMs'), floorShow: (x) => `${ms(x)} (bare IndexedDB)` }),
    row('corpus: list scrolling, 10,000 documents', at(corpus, 'tenThousand.scroll.fps'), fps, 59, { floor: at(corpus, 'tenThousand.still.fps'), floorShow: (x) => `${fps(x)} (the page left still)`, atLeast: true, targetText: '60 fps' }),
    row('corpus: search over 10,000 documents', at(corpus, 'tenThousand.medianSearchMs'), ms, 100, { floor: at(corpus, 'tenThousand.medianSearchFloorMs'), floorShow: (x) => `${ms(x)} (plain includes loop)` }),
    row('corpus: import per 100,000 documents (187,028 imported)', per100k(at(corpus, 'scale.importMs'), at(corpus, 'scale.documents')), ms, 10_000, { floor: per100k(at(corpus, 'scale.storageFloorMs'), at(corpus, 'scale.documents')), floorShow: (x) => `${ms(x)} (bare IndexedDB)` }),
    ...cliRows,
    row('page: navigation → interactive workspace, cold', at(page, 'medians.cold'), ms, null, { floor: at(page, 'medians.floor'), floorShow: (x) => `${ms(x)} (a static file)` }),
    row('page: navigation → interactive workspace, warm', at(page, 'medians.warm'), ms, null, { floor: at(page, 'medians.floor') }),
    row('page: entry chunk', at(page, 'entryGzipKB'), (x) => (x === null ? '—' : `${x.toFixed(1)} KB gzip`), 190),
    { figure: 'page: engine code before a model is chosen', value: page ? ((page.engineScripts as string[]).length ? (page.engineScripts as string[]).join(', ') : 'none') : '—', floor: '', ratio: '', target: 'none', verdict: page ? verdict((page.engineScripts as string[]).length === 0) : '' },
    row('embed: worst case at the bounds', at(embed, 'medianMs'), ms, null, { floor: at(embed, 'floorMs') }),
    row('giellm annotate via llama-server, 100 docs, 1 at a time', medianOf(server, 'concurrency1.annotateMs'), ms, 1.1, { floor: medianOf(server, 'concurrency1.bareMs'), onRatio: true, targetText: '≤ 1.10× bare loop' }),
    row('giellm annotate via llama-server, 100 docs, 4 at a time', medianOf(server, 'concurrency4.annotateMs'), ms, 1.1, { floor: medianOf(server, 'concurrency4.bareMs'), onRatio: true, targetText: '≤ 1.10× bare loop' }),
    row('CPU engine: app cost per streamed token', at(cpu, 'medians.appPerTokenUs'), us, 0.05, { floor: at(cpu, 'medians.decodePerTokenUs'), floorShow: (x) => `${us(x)} (decode)`, ratioShow: (x) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`), onRatio: true, targetText: '< 5% of decode' }),
    row('WebLLM grammar memory per sentence (worst vocabulary)', worstGrammarKB || null, (x) => (x === null ? '—' : `${x.toFixed(0)} KB`), null, { targetText: `bounded: engine made anew every ${at(grammar, 'grammarBudget') ?? '?'} grammars` }),
    row('prompt, NER: GIELLM input vs 5 examples (tokens)', ner?.prompted5 ?? null, (x) => (x === null ? '—' : `${x} tok`), null, { floor: ner?.giellm ?? null }),
    row('GIELLM-13B on a laptop GPU, on paper', laptop?.perHour ?? null, (x) => (x === null ? '—' : `${Math.round(x).toLocaleString('en')} sentences/h`), null),
  ];
}

if (process.argv[1]?.endsWith('summary.mjs')) {
  const rows = summaryRows();
  const header = ['figure (median)', 'value', 'floor, same run', 'ratio', 'target', ''];
  printTable([header, ...rows.map((r) => [r.figure, r.value, r.floor, r.ratio, r.target, r.verdict])]);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  const md = [`Machine: ${machine}.`, '', `| ${header.slice(0, 5).join(' | ')} | |`, '|---|---|---|---|---|---|', ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.floor} | ${r.ratio} | ${r.target} | ${r.verdict} |`)].join('\n');
  writeFileSync(resolve('bench', 'results', 'summary.md'), `${md}\n`);
  console.log(`machine: ${machine}\nwritten ${resolve('bench', 'results', 'summary.md')}`);
}

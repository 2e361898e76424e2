import { parseOutput } from '../format/parseOutput.ts';
import { aggregate, type MatchOptions, type Scores } from '../metrics/score.ts';
import type { DatasetRecord, InputError } from '../data/records.ts';
import { evaluate, reportCsv, reportJson, reportMarkdown, scoresByTask, type EvalPair } from '../metrics/report.ts';
import { UsageError } from './io.ts';
import { finish, readRecordFile, type Context } from './main.ts';

/** Pairs by id when every record on both sides has one, else by position; any mismatch is an error. */
function pairRecords(gold: DatasetRecord[], pred: DatasetRecord[], goldFile: string, predFile: string) {
  const errors: InputError[] = [];
  const pairs: [DatasetRecord, DatasetRecord][] = [];
  const byId = gold.every((r) => r.id !== undefined) && pred.every((r) => r.id !== undefined);
  if (byId) {
    const preds = new Map<string, DatasetRecord>();
    for (const p of pred) {
      if (preds.has(p.id!)) errors.push({ file: predFile, line: p.line, message: `id ${JSON.stringify(p.id)} appears twice` });
      preds.set(p.id!, p);
    }
    const seen = new Set<string>();
    for (const g of gold) {
      if (seen.has(g.id!)) errors.push({ file: goldFile, line: g.line, message: `id ${JSON.stringify(g.id)} appears twice` });
      seen.add(g.id!);
      const p = preds.get(g.id!);
      if (p) pairs.push([g, p]);
      else errors.push({ file: goldFile, line: g.line, message: `id ${JSON.stringify(g.id)} has no prediction in ${predFile}` });
    }
    for (const p of pred) if (!seen.has(p.id!)) errors.push({ file: predFile, line: p.line, message: `id ${JSON.stringify(p.id)} is not in ${goldFile}` });
  } else {
    if (gold.length !== pred.length) {
      errors.push({ file: predFile, line: null, message: `${pred.length} predictions for ${gold.length} gold records (without ids on every record, they pair by line)` });
    }
    for (let i = 0; i < Math.min(gold.length, pred.length); i++) pairs.push([gold[i]!, pred[i]!]);
  }
  for (const [g, p] of pairs) {
    if (g.output === undefined) errors.push({ file: goldFile, line: g.line, message: '"output" is missing: a gold record needs one' });
    if (p.output === undefined) errors.push({ file: predFile, line: p.line, message: '"output" is missing: a prediction needs one' });
    if (g.task !== p.task) errors.push({ file: predFile, line: p.line, message: `task ${p.task} does not match the gold record's ${g.task} (${goldFile}:${g.line})` });
  }
  return { pairs, errors };
}

const cell = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));
const round = (s: Scores) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' && k !== 'n' ? Math.round(v * 100) / 100 : v]));

export function formatTable(rows: [string, Scores][]): string {
  const head = ['task', 'n', 'TL', 'WL', 'ALL', 'F1'];
  const body = rows.map(([name, s]) => [name, String(s.n), cell(s.tl), cell(s.wl), cell(s.all), cell(s.f1)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

export async function evalCommand(ctx: Context): Promise<number> {
  const { gold: goldFile, pred: predFile } = ctx.values;
  if (typeof goldFile !== 'string' || typeof predFile !== 'string') throw new UsageError('give --gold GOLD and --pred PRED (JSONL records with outputs)');
  const match: MatchOptions = { duplicates: 'multiset', normalize: 'nfkc' };
  if (ctx.values.match !== undefined) {
    if (ctx.values.match !== 'multiset' && ctx.values.match !== 'set') throw new UsageError('--match must be multiset or set');
    match.duplicates = ctx.values.match;
  }
  if (ctx.values.normalize !== undefined) {
    if (ctx.values.normalize !== 'nfkc' && ctx.values.normalize !== 'none') throw new UsageError('--normalize must be nfkc or none');
    match.normalize = ctx.values.normalize;
  }
  const report = ctx.values.report;
  if (report !== undefined && report !== 'md' && report !== 'csv' && report !== 'json') throw new UsageError('--report must be md, csv or json');
  const gold = await readRecordFile(ctx, goldFile);
  const pred = await readRecordFile(ctx, predFile);
  const paired = pairRecords(gold.records, pred.records, goldFile, predFile);
  const errors = [...gold.errors, ...pred.errors, ...paired.errors];
  // Scores over a partial pairing would mislead: report every problem and stop.
  if (errors.length) return finish(ctx, errors);

  const pairs: EvalPair[] = paired.pairs.map(([g, p]) => ({
    id: g.id ?? `${goldFile}:${g.line}`,
    text: g.text,
    task: g.task,
    gold: parseOutput(g.output!, g.task, ctx.profile, { text: g.text }),
    pred: parseOutput(p.output!, p.task, ctx.profile, { text: p.text }),
  }));
  if (report !== undefined) {
    const r = evaluate(pairs, match);
    ctx.io.out((report === 'md' ? reportMarkdown(r) : report === 'csv' ? reportCsv(r) : reportJson(r)).trimEnd());
    return 0;
  }
  const { perTask, all } = scoresByTask(pairs, match);
  const rows: [string, Scores][] = [...perTask].map(([t, scores]) => [t, aggregate(scores)]);
  const overall = aggregate(all);
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify({ tasks: Object.fromEntries(rows.map(([t, s]) => [t, round(s)])), overall: round(overall), match }));
  } else {
    ctx.io.out(formatTable([...rows, ['overall', overall]]));
    ctx.io.out(`(percent; items matched as ${match.duplicates}, ${match.normalize === 'nfkc' ? 'NFKC-normalised' : 'as written'}; WL = matched / gold items)`);
  }
  return 0;
}

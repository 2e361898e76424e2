import { sameText } from '../corpus/pairing.ts';
import { parseOutput } from '../format/parseOutput.ts';
import { aggregate, unscorableReason, type MatchOptions, type Scores } from '../metrics/score.ts';
import { formatInputError, type DatasetRecord, type InputError } from '../data/records.ts';
import { ALL_EXPLAINED, Evaluation, reportCsv, reportJsonChunks, reportMarkdown, ScoresByTask, type EvalPair } from '../metrics/report.ts';
import { UsageError } from './io.ts';
import { finish, readRecordFile, type Context } from './context.ts';

/** Pairs by id when every record on both sides has one, else by position; any mismatch is an error. */
function pairRecords(gold: DatasetRecord[], pred: DatasetRecord[], goldFile: string, predFile: string) {
  const errors: InputError[] = [];
  const pairs: [DatasetRecord, DatasetRecord][] = [];
  const byId = gold.every((r) => r.id !== undefined) && pred.every((r) => r.id !== undefined);
  // Files written in the same order (the usual case): ids align line by line, one set finds repeats.
  const aligned = byId && gold.length === pred.length && gold.every((g, i) => g.id === pred[i]!.id);
  if (aligned) {
    const seen = new Set<string>();
    gold.forEach((g, i) => {
      const p = pred[i]!;
      if (seen.has(g.id!)) {
        errors.push({ file: goldFile, line: g.line, message: `id ${JSON.stringify(g.id)} appears twice` });
        errors.push({ file: predFile, line: p.line, message: `id ${JSON.stringify(p.id)} appears twice` });
      } else pairs.push([g, p]);
      seen.add(g.id!);
    });
  } else if (byId) {
    const preds = new Map<string, DatasetRecord>();
    const repeated = new Set<string>();
    for (const p of pred) {
      if (preds.has(p.id!)) {
        errors.push({ file: predFile, line: p.line, message: `id ${JSON.stringify(p.id)} appears twice` });
        repeated.add(p.id!);
      }
      preds.set(p.id!, p);
    }
    const seen = new Set<string>();
    for (const g of gold) {
      // Ambiguous pairings are refused, not scored twice: a repeated gold id, an id two predictions answer.
      if (seen.has(g.id!)) {
        errors.push({ file: goldFile, line: g.line, message: `id ${JSON.stringify(g.id)} appears twice` });
        continue;
      }
      seen.add(g.id!);
      if (repeated.has(g.id!)) continue;
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
  return { pairs, errors };
}

/** The same text as far as pairing goes: line endings and surrounding space aside. */

/**
 * The pairs to score, each handed to `take` as soon as it is parsed (so a large file's extractions are not
 * all held at once): both sides have an output, the same task and (unless allowed) the same text. Every
 * other pair is an error naming its file and line. A pair whose gold cannot be read whole is named too and
 * still handed on, so the report lists it (the scores leave it out: see `unscorableReason`).
 */
function scorablePairs(paired: [DatasetRecord, DatasetRecord][], goldFile: string, predFile: string, allowTextMismatch: boolean, ctx: Context, take: (pair: EvalPair) => void) {
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  let taken = 0;
  let unscorable = 0;
  for (const [g, p] of paired) {
    const before = errors.length;
    if (g.output === undefined) errors.push({ file: goldFile, line: g.line, message: '"output" is missing: a gold record needs one' });
    if (p.output === undefined) errors.push({ file: predFile, line: p.line, message: '"output" is missing: a prediction needs one' });
    if (g.task !== p.task) errors.push({ file: predFile, line: p.line, message: `task ${p.task} does not match the gold record's ${g.task} (${goldFile}:${g.line})` });
    if (!sameText(g.text, p.text)) {
      const message = `its text differs from the gold record's (${goldFile}:${g.line}): the files may not be in the same order`;
      if (allowTextMismatch) warnings.push({ file: predFile, line: p.line, message: `${message}; scored anyway (--allow-text-mismatch)` });
      else errors.push({ file: predFile, line: p.line, message: `${message} (not scored; --allow-text-mismatch scores such pairs)` });
    }
    if (errors.length > before) continue;
    const gold = parseOutput(g.output!, g.task, ctx.profile, { text: g.text, truncated: g.truncated });
    const reason = unscorableReason(gold);
    if (reason !== null) {
      errors.push({ file: goldFile, line: g.line, message: `not scored: ${reason}` });
      unscorable++;
    }
    // The same output string for the same text reads the same: parse it once (most outputs of a good model).
    const same = reason !== null || (p.output === g.output && p.text === g.text && !p.truncated);
    const pred = same ? gold : parseOutput(p.output!, p.task, ctx.profile, { text: p.text, truncated: p.truncated });
    take({ id: g.id ?? `${goldFile}:${g.line}`, text: g.text, task: g.task, gold, pred });
    taken++;
  }
  return { scored: taken - unscorable, errors, warnings };
}

const cell = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));
const round = (s: Scores) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' && k !== 'n' ? Math.round(v * 100) / 100 : v]));

export function formatTable(rows: [string, Scores][]): string {
  const head = ['task', 'n', 'TL', 'WL', 'ALL(paper)', 'ALL(strict)', 'P', 'R', 'F1'];
  const body = rows.map(([name, s]) => [name, String(s.n), cell(s.tl), cell(s.wl), cell(s.all), cell(s.allStrict), cell(s.precision), cell(s.recall), cell(s.f1)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

/**
 * Both files read and paired, each pair parsed and handed to `take`: only what `take` keeps (and the
 * problems) outlives this, so the records and their strings can be collected before the report is built.
 */
async function readPairs(ctx: Context, goldFile: string, predFile: string, take: (pair: EvalPair) => void) {
  const gold = await readRecordFile(ctx, goldFile);
  const pred = await readRecordFile(ctx, predFile);
  const paired = pairRecords(gold.records, pred.records, goldFile, predFile);
  const scorable = scorablePairs(paired.pairs, goldFile, predFile, ctx.values['allow-text-mismatch'] === true, ctx, take);
  // Every good pair is scored; every bad line is listed after the scores, and the exit code says so.
  const errors = [...gold.errors, ...pred.errors, ...paired.errors, ...scorable.errors];
  return { scored: scorable.scored, errors, warnings: scorable.warnings, goldCount: gold.records.length + gold.errors.length };
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
  const evaluation = report === undefined ? null : new Evaluation(match, 1000, { allDocuments: ctx.values['all-documents'] === true, scposProtocol: ctx.values['scpos-protocol'] === true });
  const scores = new ScoresByTask(match);
  const { scored, errors, warnings, goldCount } = await readPairs(ctx, goldFile, predFile, (pair) => (evaluation ? evaluation.add(pair) : scores.add(pair)));
  const scoredLine = `scored ${scored} of ${goldCount} gold records${errors.length ? `; ${errors.length} problem(s) listed below` : ''}`;
  if (evaluation !== null) {
    const r = evaluation.report();
    if (report === 'json') {
      for (const chunk of reportJsonChunks(r)) {
        if (ctx.io.write) await ctx.io.write(chunk);
        else ctx.io.out(chunk);
      }
      await ctx.io.write?.('\n');
    } else ctx.io.out((report === 'md' ? reportMarkdown(r) : reportCsv(r)).trimEnd());
  } else {
    const { perTask, all } = scores.grouped();
    const rows: [string, Scores][] = [...perTask].map(([t, scores]) => [t, aggregate(scores)]);
    const overall = aggregate(all);
    if (ctx.values.json) {
      ctx.io.out(JSON.stringify({ tasks: Object.fromEntries(rows.map(([t, s]) => [t, round(s)])), overall: round(overall), match, scored, problems: errors.length }));
    } else {
      ctx.io.out(formatTable([...rows, ['overall', overall]]));
      ctx.io.out(`(percent; items matched as ${match.duplicates}, ${match.normalize === 'nfkc' ? 'NFKC-normalised' : 'as written'}; WL = matched / gold items; ${scoredLine})`);
      ctx.io.out(ALL_EXPLAINED);
    }
  }
  if (warnings.length) ctx.io.err(warnings.map(formatInputError).join('\n'));
  return finish(ctx, errors);
}

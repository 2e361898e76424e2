import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSequences, PAPER_SEQUENCES } from './core.ts';
import { median, printTable } from './stats.ts';
import { writeResults } from './results.ts';
import { CLI, measureChild, READ_AND_PARSE, type ChildFigures } from './cliChild.ts';

// `giellm eval --report json` on the paper's SCPOS-sized 187,028 records, run as users run it (the real
// bin, through tsx, in its own process), beside the floor of just reading the same two files and
// JSON.parse-ing every line, measured the same way in the same run.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET = { maxMs: 5000, maxRssMB: 500 };

const dir = mkdtempSync(join(tmpdir(), 'giellm-eval-bench-'));
const gold = join(dir, 'gold.jsonl');
const pred = join(dir, 'pred.jsonl');
const seqs = generateSequences(PAPER_SEQUENCES);
writeFileSync(gold, `${seqs.map((s, i) => JSON.stringify({ id: `s${i}`, text: s.text, task: s.task, output: s.gold })).join('\n')}\n`);
writeFileSync(pred, `${seqs.map((s, i) => JSON.stringify({ id: `s${i}`, text: s.text, task: s.task, output: s.pred })).join('\n')}\n`);

const report = join(dir, 'report.json');
const cli: ChildFigures[] = [];
const floor: ChildFigures[] = [];
for (let i = 0; i < RUNS; i++) {
  floor.push(measureChild(READ_AND_PARSE, [gold, pred], join(dir, 'floor.out')));
  cli.push(measureChild(CLI, ['eval', '--gold', gold, '--pred', pred, '--report', 'json'], report));
}
const reportMs = median(cli.map((c) => c.ms));
const floorMs = median(floor.map((c) => c.ms));
const peakRssMB = Math.max(...cli.map((c) => c.rssMB));
const floorRssMB = Math.max(...floor.map((c) => c.rssMB));
const reportMB = statSync(report).size / 1048576;
rmSync(dir, { recursive: true, force: true });

const rows = [
  ['measurement', 'median', 'floor (read + JSON.parse)', 'ratio', 'target'],
  [`giellm eval --report json, ${PAPER_SEQUENCES} records`, `${reportMs.toFixed(0)} ms`, `${floorMs.toFixed(0)} ms`, `${(reportMs / floorMs).toFixed(2)}×`, `< ${TARGET.maxMs} ms`],
  ['peak RSS', `${peakRssMB.toFixed(0)} MB`, `${floorRssMB.toFixed(0)} MB`, `${(peakRssMB / floorRssMB).toFixed(2)}×`, `< ${TARGET.maxRssMB} MB`],
  ['report size (differing documents only)', `${reportMB.toFixed(1)} MB`, '', '', ''],
];
printTable(rows);
console.log(`(${RUNS} runs each, medians; ${cpus().length} CPUs, ${cpus()[0]?.model ?? ''})`);
await writeResults('eval', { records: PAPER_SEQUENCES, runs: RUNS, reportMs, floorMs, ratio: reportMs / floorMs, peakRssMB, floorRssMB, reportMB, target: TARGET, cpus: cpus().length, node: process.version, raw: { cli, floor } });

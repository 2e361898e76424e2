import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSequences, PAPER_SEQUENCES } from './core.ts';
import { median, printTable } from './stats.ts';
import { writeResults } from './results.ts';
import { CLI, measureChild, READ_AND_PARSE, type ChildFigures } from './cliChild.ts';
import { startLlamaServer } from '../src/testing/llamaServer.ts';

// The CLI's bookkeeping on the paper's SCPOS-sized 187,028 records, run as users run it (the real bin's
// code through tsx, a process each), beside the floor of reading + JSON.parse-ing the same files in the
// same run: `convert` to GIELLM training JSONL and to doccano (spans placed in the text), and `annotate`
// resumed over an output file that already holds every record (reading it, matching ids, nothing left to
// run: no model time). The annotate run asks a real llama-server (tiny model) what it is, as it always does.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = 18_800 + (process.pid % 90);

const dir = mkdtempSync(join(tmpdir(), 'giellm-cli-bench-'));
const input = join(dir, 'records.jsonl');
const annotated = join(dir, 'annotated.jsonl');
const RECORDS = Number(process.env.BENCH_CLI_RECORDS ?? PAPER_SEQUENCES);
const seqs = generateSequences(RECORDS);
writeFileSync(input, `${seqs.map((s, i) => JSON.stringify({ id: `s${i}`, text: s.text, task: s.task, output: s.gold })).join('\n')}\n`);
writeFileSync(annotated, `${seqs.map((s, i) => JSON.stringify({ id: `s${i}`, text: s.text, task: s.task, output: s.pred })).join('\n')}\n`);

const server = startLlamaServer(PORT, 1);
type Case = { name: string; args: (out: string) => string[]; floorFiles: string[] };
const cases: Case[] = [
  { name: `giellm convert --to training, ${RECORDS} records`, args: (out) => ['convert', '--to', 'training', input, '-o', out], floorFiles: [input] },
  { name: `giellm convert --to doccano, ${RECORDS} records`, args: (out) => ['convert', '--to', 'doccano', input, '-o', out], floorFiles: [input] },
  {
    name: `giellm annotate resumed, all done, ${RECORDS} records`,
    args: (out) => {
      copyFileSync(annotated, out);
      return ['annotate', '--endpoint', server.url, input, '-o', out];
    },
    floorFiles: [input, annotated],
  },
];
const results: { name: string; cliMs: number; floorMs: number; ratio: number; peakRssMB: number; raw: { cli: ChildFigures[]; floor: ChildFigures[] } }[] = [];
try {
  for (const c of cases) {
    const cli: ChildFigures[] = [];
    const floor: ChildFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      floor.push(measureChild(READ_AND_PARSE, c.floorFiles, join(dir, 'floor.out')));
      cli.push(measureChild(CLI, c.args(join(dir, `out-${i}.jsonl`)), join(dir, 'stdout.out')));
    }
    const cliMs = median(cli.map((x) => x.ms));
    const floorMs = median(floor.map((x) => x.ms));
    results.push({ name: c.name, cliMs, floorMs, ratio: cliMs / floorMs, peakRssMB: Math.max(...cli.map((x) => x.rssMB)), raw: { cli, floor } });
  }
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}

printTable([
  ['measurement', 'median', 'floor (read + JSON.parse)', 'ratio', 'peak RSS'],
  ...results.map((r) => [r.name, `${r.cliMs.toFixed(0)} ms`, `${r.floorMs.toFixed(0)} ms`, `${r.ratio.toFixed(2)}×`, `${r.peakRssMB.toFixed(0)} MB`]),
]);
console.log(`(${RUNS} runs each, medians; ${cpus().length} CPUs, ${cpus()[0]?.model ?? ''})`);
await writeResults('cli', { records: RECORDS, runs: RUNS, results, cpus: cpus().length, node: process.version });

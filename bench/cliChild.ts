import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The CLI benchmarks run the real bin's code through tsx in a child of its own, as users run it, beside a
// floor child that only reads and JSON.parse-s the same files. Each child prints its own wall time and
// peak RSS on its last stderr line, so node's start is counted for both alike and the parent's memory is not.
const REPORT = `process.on('exit', () => process.stderr.write('\\n' + JSON.stringify({ ms: performance.now(), rssMB: process.resourceUsage().maxRSS / 1024 })));`;

/** `giellm ARGS…` as bin/giellm.mjs runs it. */
export const CLI = `${REPORT} const { register } = await import('tsx/esm/api'); register(); const { run } = await import(${JSON.stringify(resolve('src/cli/main.ts'))}); const { nodeIo } = await import(${JSON.stringify(resolve('src/cli/io.ts'))}); process.exitCode = await run(process.argv.slice(1), nodeIo());`;

/** The floor: read each file named and JSON.parse every line of it. */
export const READ_AND_PARSE = `${REPORT} const { readFileSync } = await import('node:fs'); let n = 0; for (const f of process.argv.slice(1)) for (const l of readFileSync(f, 'utf8').split('\\n')) if (l) { JSON.parse(l); n++; }`;

export interface ChildFigures {
  ms: number;
  rssMB: number;
}

/** Runs `code` with `args` in a child node, its stdout written to `out`; its own time and peak memory. */
export function measureChild(code: string, args: string[], out: string): ChildFigures {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`benchmark child failed (${r.status}): ${r.stderr.slice(-2000)}`);
  writeFileSync(out, r.stdout);
  return JSON.parse(r.stderr.trim().split('\n').pop()!) as ChildFigures;
}

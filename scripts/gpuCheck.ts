// What `npm run check:gpu` decides from what the app showed: pure, so it is tested without a GPU.
import { median } from '../bench/stats.ts';

/** One sentence as the run panel shows it: its status, and the usage line of its run details (en). */
export interface SentenceSeen {
  status: string;
  usage: string | null;
}

export interface RunFigures {
  sentences: number;
  failed: number;
  promptTokens: number;
  prefillTps: number | null;
  decodeTps: number | null;
  ttftS: number | null;
}

const USAGE = /(\d+) prompt \+ (\d+) output tokens · prefill ([\d.?]+) tok\/s · decode ([\d.?]+) tok\/s · first token ([\d.?]+) s/;
const num = (s: string | undefined) => (s === undefined || s === '?' ? null : Number(s));
const med = (xs: (number | null)[]) => {
  const known = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return known.length ? median(known) : null;
};

/** Medians of WebLLM's own figures over one run's sentences, and how many did not end done. */
export function runFigures(seen: readonly SentenceSeen[]): RunFigures {
  const usages = seen.map((s) => (s.usage ? USAGE.exec(s.usage) : null)).filter((m): m is RegExpExecArray => m !== null);
  return {
    sentences: seen.length,
    failed: seen.filter((s) => s.status !== 'done').length,
    promptTokens: med(usages.map((m) => Number(m[1]))) ?? 0,
    prefillTps: med(usages.map((m) => num(m[3]))),
    decodeTps: med(usages.map((m) => num(m[4]))),
    ttftS: med(usages.map((m) => num(m[5]))),
  };
}

/** Why the check fails, in words; empty when it passes. */
export function problemsOf(runs: Record<string, RunFigures>, expected: number, pageErrors: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [name, r] of Object.entries(runs)) {
    if (r.sentences !== expected) problems.push(`${name}: ${r.sentences} of ${expected} sentences were run`);
    if (r.failed) problems.push(`${name}: ${r.failed} of ${r.sentences} sentences did not finish`);
    if (r.decodeTps === null) problems.push(`${name}: WebLLM reported no decode speed`);
  }
  for (const e of pageErrors) problems.push(`page error: ${e}`);
  return problems;
}

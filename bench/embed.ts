import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { extract } from '../src/extract.ts';
import { DEFAULT_PROFILE } from '../src/format/profile.ts';
import { MAX_ITEMS, MAX_OUTPUT, MAX_TEXT } from '../src/embed/protocol.ts';
import { median, printTable } from './stats.ts';

// The embed API's worst case at its bounds (src/embed/protocol.ts): one span covering the whole text, then
// distinct strings that are not in it, each a scan of the text. Beside it, the floor of the same number of
// text scans done with indexOf alone, in the same run.
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const text = 'あ'.repeat(MAX_TEXT - 1) + 'い';
const items = Array.from({ length: MAX_ITEMS - 1 }, (_, i) => `:地名;${'あ'.repeat(1 + (i % 40))}う${i}`);
const output = `<社会>固有表現抽出:地名;${text}${items.join('')}`.slice(0, MAX_OUTPUT);
const needles = items.map((s) => s.slice(4));

const measure = (fn: () => void) => {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
};
const worst = measure(() => void extract(output, 'ner', DEFAULT_PROFILE, text));
let sink = 0;
const floor = measure(() => {
  for (const n of needles) sink += text.indexOf(n);
});
printTable([
  ['embed worst case', 'median ms', 'floor ms (one indexOf per item)', 'ratio'],
  [`text ${MAX_TEXT.toLocaleString('en')} chars, ${MAX_ITEMS.toLocaleString('en')} items, output ≤ ${MAX_OUTPUT.toLocaleString('en')}`, worst.toFixed(0), floor.toFixed(0), `${(worst / floor).toFixed(1)}×`],
]);
const file = resolve('bench', 'results', 'embed.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, bounds: { MAX_TEXT, MAX_OUTPUT, MAX_ITEMS }, medianMs: worst, floorMs: floor, ratio: worst / floor, sink: sink % 2 }, null, 2)}\n`);
console.log(`written ${file}`);

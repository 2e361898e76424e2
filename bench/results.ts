import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Writes a benchmark's results, dated, to `bench/results/<name>.json`, and says where. */
export async function writeResults(name: string, results: object) {
  const file = resolve('bench', 'results', `${name}.json`);
  await mkdir(resolve('bench', 'results'), { recursive: true });
  await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), ...results }, null, 2)}\n`);
  console.log(`written ${file}`);
}

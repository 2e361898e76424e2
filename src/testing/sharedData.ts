import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Tests and benchmarks read the project's real data from ../shared/data beside the checkout (as CI has it);
// GIELLM_DATA_DIR points elsewhere when needed. The root is found by walking up, since bundled benchmarks
// run this module from another folder.
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
export const SHARED_DATA_DIR = process.env.GIELLM_DATA_DIR ?? join(REPO_ROOT, '..', 'shared', 'data');

export const sharedPath = (name: string) => join(SHARED_DATA_DIR, name);

export interface StockmarkSentence {
  curid: string;
  text: string;
  entities: { name: string; span: [number, number]; type: string }[];
}

export interface TcreeRow {
  text: string;
  iw: string;
  category: string;
  output: string;
}

export const loadStockmark = (): StockmarkSentence[] =>
  JSON.parse(readFileSync(sharedPath('stockmark-ner-wikipedia.json'), 'utf8')) as StockmarkSentence[];

export const loadJsonl = <T>(name: string): T[] =>
  readFileSync(sharedPath(name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);

export const loadTcree = () => loadJsonl<TcreeRow>('tcree-sample.jsonl');

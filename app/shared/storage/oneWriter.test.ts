import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
// Dexie's write methods on a table (documents, batches, or one by name), and transactions.
const WRITE = /\b(documents|batches|table\([^)]*\))\s*\.\s*(add|bulkAdd|put|bulkPut|update|bulkUpdate|delete|bulkDelete|clear|modify)\s*\(|\.transaction\(\s*'rw|\.modify\(/;

describe('one writer to IndexedDB', () => {
  it('no code outside the repository writes the corpus database (the schema module only migrates it)', () => {
    const writers = [...files('app'), ...files('src')].filter((f) => WRITE.test(readFileSync(join(root, f), 'utf8'))).map((f) => relative('.', f));
    expect(writers.sort()).toEqual(['app/shared/storage/corpusDb.ts', 'app/shared/storage/corpusRepository.ts']);
  });
});

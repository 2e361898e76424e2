import { copyFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// @mlc-ai/web-xgrammar ships a UMD file under "type": "module", which Node cannot import; the same file
// loads as CommonJS once copied to a .cjs name. This is XGrammar itself (the version WebLLM bundles).
type XGrammar = {
  Grammar: { fromEBNF(ebnf: string, root?: string): Promise<unknown> };
  Testings: { isGrammarAcceptString(grammar: unknown, s: string): Promise<boolean> };
};

let loaded: XGrammar | undefined;

export function loadXGrammar(): XGrammar {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'xgrammar-'));
  const file = join(dir, 'xgrammar.cjs');
  copyFileSync(require.resolve('@mlc-ai/web-xgrammar'), file);
  loaded = require(file) as XGrammar;
  return loaded;
}

/** A matcher for one EBNF grammar: does it accept the whole string? */
export async function grammarAccepts(ebnf: string): Promise<(s: string) => Promise<boolean>> {
  const xg = loadXGrammar();
  const grammar = await xg.Grammar.fromEBNF(ebnf, 'root');
  return (s) => xg.Testings.isGrammarAcceptString(grammar, s);
}

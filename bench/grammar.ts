import { execFileSync } from 'node:child_process';
import { loadXGrammar } from '../src/testing/xgrammar.ts';
import { buildGrammar } from '../src/grammar/buildGrammar.ts';
import { DEFAULT_PROFILE } from '../src/format/profile.ts';
import { loadStockmark } from '../src/testing/sharedData.ts';
import { GRAMMAR_BUDGET } from '../src/engine/grammarBudget.ts';
import { median, printTable } from './stats.ts';
import { writeResults } from './results.ts';
import { LLAMA2, QWEN25 } from './tokenizers.ts';

// What a long WebLLM batch costs in XGrammar memory, measured with the XGrammar web-llm 0.2.86 bundles
// (@mlc-ai/web-xgrammar 0.1.27) and real vocabularies (bench/tokenizers.ts): LLaMA-2's (GIELLM-13B's own) and
// Qwen2.5's (the default model's family). Three ways, each in its own process so that one heap's free space does not
// hide another's growth:
// - "per sentence, as web-llm": a grammar per sentence through a compiler with its cache on, the parsed
//   Grammar never deleted (web-llm's compileGrammar(string)), compiled grammar and matcher disposed;
// - "per sentence, cache off": what a web-llm with the cache off would keep (the parsed Grammars only);
// - "one grammar for all": spans free, so one compiled grammar serves every sentence (the floor: a matcher
//   reset per sentence), with the substring check moved to the aligner after the fact.
const N = Number(process.env.BENCH_GRAMMARS ?? 1000);
const HEAP_CAP_MB = 2048;
const VOCABS = { [LLAMA2.name]: LLAMA2, [QWEN25.name]: QWEN25 };
type VocabName = string;
type Way = 'webllm' | 'nocache' | 'shared';

interface Probe {
  heapGrowthMB: number;
  msPerSentence: number;
}

/** In a child process: one way, one vocabulary. */
async function probe(vocabName: VocabName, way: Way): Promise<Probe> {
  const v = VOCABS[vocabName]!;
  const vocab = v.vocab();
  // The wasm heap is the module's own exported Memory: caught as it is instantiated.
  const memories: WebAssembly.Memory[] = [];
  const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (...a: unknown[]) => Promise<WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance>;
  (WebAssembly as unknown as { instantiate: typeof instantiate }).instantiate = async (...a) => {
    const r = await instantiate(...a);
    const inst = 'instance' in r ? r.instance : r;
    for (const x of Object.values(inst.exports)) if (x instanceof WebAssembly.Memory) memories.push(x);
    return r;
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the UMD module has no types for these
  const xg = loadXGrammar() as any;
  const info = await xg.TokenizerInfo.createTokenizerInfo(vocab, v.xgrammar.vocabType, false, vocab.length, v.xgrammar.stopTokenIds);
  const compiler = await xg.GrammarCompiler.createGrammarCompiler(info, way !== 'nocache');
  const heap = () => (memories[0]?.buffer.byteLength ?? 0) / 2 ** 20;
  const sentences = loadStockmark().slice(0, N);
  const ms: number[] = [];
  let shared: { reset(): void } | null = null;
  if (way === 'shared') {
    const cg = await compiler.compileGrammar(buildGrammar('ner', DEFAULT_PROFILE, null));
    shared = await xg.GrammarMatcher.createGrammarMatcher(cg);
    cg.dispose();
  }
  const before = heap();
  for (const s of sentences) {
    const t = performance.now();
    if (shared) shared.reset();
    else {
      const cg = await compiler.compileGrammar(buildGrammar('ner', DEFAULT_PROFILE, s.text));
      const matcher = await xg.GrammarMatcher.createGrammarMatcher(cg);
      cg.dispose();
      matcher.dispose();
    }
    ms.push(performance.now() - t);
  }
  return { heapGrowthMB: heap() - before, msPerSentence: median(ms) };
}

if (process.argv[2] === '--probe') {
  console.log(JSON.stringify(await probe(process.argv[3] as VocabName, process.argv[4] as Way)));
} else {
  const rows: string[][] = [['grammar memory, ' + N.toLocaleString('en') + ' stockmark sentences', 'heap growth per sentence', 'ms per sentence', 'floor ms (one grammar, matcher reset)', 'ratio', 'sentences to the 2 GiB cap']];
  const results: Record<string, Record<Way, Probe>> = {};
  for (const name of Object.keys(VOCABS)) {
    const r = {} as Record<Way, Probe>;
    for (const way of ['shared', 'nocache', 'webllm'] as const) {
      r[way] = JSON.parse(execFileSync(process.execPath, [process.argv[1]!, '--probe', name, way], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as Probe;
    }
    results[name] = r;
    for (const way of ['webllm', 'nocache', 'shared'] as const) {
      const perMB = r[way].heapGrowthMB / N;
      rows.push([
        `${name}: ${way === 'webllm' ? 'per sentence, as web-llm 0.2.86' : way === 'nocache' ? 'per sentence, compiler cache off' : 'one grammar for all (spans free)'}`,
        `${(perMB * 1024).toFixed(1)} KB`,
        r[way].msPerSentence.toFixed(2),
        r.shared.msPerSentence.toFixed(3),
        `${(r[way].msPerSentence / Math.max(r.shared.msPerSentence, 1e-3)).toFixed(0)}×`,
        perMB > 0 ? Math.floor(HEAP_CAP_MB / perMB).toLocaleString('en') : 'never',
      ]);
    }
  }
  printTable(rows);
  const worst = Math.max(...Object.values(results).map((r) => r.webllm.heapGrowthMB / N));
  console.log(`policy: the engine is made anew every ${GRAMMAR_BUDGET.toLocaleString('en')} distinct grammars: at most ${(GRAMMAR_BUDGET * worst).toFixed(0)} MB of grammar memory measured here (${(GRAMMAR_BUDGET * 0.21).toFixed(0)} MB at the issue's 0.21 MB), one reload per ${GRAMMAR_BUDGET.toLocaleString('en')} sentences.`);
  await writeResults('grammar', { sentences: N, heapCapMB: HEAP_CAP_MB, grammarBudget: GRAMMAR_BUDGET, results });
}

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './main.ts';
import type { CliIo } from './io.ts';

const LM = { name: 'LM', system_template: '{system_message}', system_message: '', roles: { user: '', assistant: '' }, seps: [''], role_content_sep: '', role_empty_sep: '', stop_str: [], stop_token_ids: [2], system_prefix_token_ids: [1] };
const CHAT = { ...LM, name: 'llama-2', roles: { user: '[INST]', assistant: '[/INST]' }, system_message: 'You are helpful.' };

function folder(opts: { template?: object; shardBytes?: number; tokenizer?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mlc-'));
  const config = { model_type: 'llama', quantization: 'q4f16_1', vocab_size: 32000, context_window_size: 4096, prefill_chunk_size: 1024, tokenizer_files: ['tokenizer.json'], conv_template: opts.template ?? LM };
  writeFileSync(join(dir, 'mlc-chat-config.json'), JSON.stringify(config));
  if (opts.tokenizer !== false) writeFileSync(join(dir, 'tokenizer.json'), '{}');
  writeFileSync(join(dir, 'params_shard_0.bin'), Buffer.alloc(opts.shardBytes ?? 1000));
  writeFileSync(join(dir, 'params_shard_1.bin'), Buffer.alloc(500));
  writeFileSync(join(dir, 'tensor-cache.json'), JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin', nbytes: 1000 }, { dataPath: 'params_shard_1.bin', nbytes: 500 }] }));
  return dir;
}

async function check(dir: string, ...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readFile: async () => '', readStdin: async () => '' };
  const code = await run(['model', 'check', dir, ...extra], io);
  rmSync(dir, { recursive: true, force: true });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('giellm model check', () => {
  it('passes a consistent GIELLM folder with an LM template', async () => {
    const r = await check(folder());
    expect(r.code).toBe(0);
    expect(r.out).toContain('llama q4f16_1, context 4096, prefill chunk 1024');
    expect(r.out).toContain('2 shards');
    expect(r.out).toContain('ready to serve (giellm mode)');
  });

  it('names every problem: shard size, missing tokenizer, a chat template for a GIELLM model', async () => {
    const r = await check(folder({ template: CHAT, shardBytes: 999, tokenizer: false }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('error: params_shard_0.bin has 999 bytes, tensor-cache.json says 1000');
    expect(r.err).toContain('error: tokenizer.json is listed in tokenizer_files but missing');
    expect(r.err).toContain('conv_template "llama-2" adds roles or separators');
    expect(r.out).toContain('3 problem(s) to fix');
  });

  it('accepts a chat template in prompted mode, and spots an old ndarray-cache.json', async () => {
    expect((await check(folder({ template: CHAT }), '--mode', 'prompted')).code).toBe(0);
    const dir = folder();
    renameSync(join(dir, 'tensor-cache.json'), join(dir, 'ndarray-cache.json'));
    const r = await check(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('reads tensor-cache.json only');
  });

  it('says when the folder does not exist', async () => {
    const r = await check('/nonexistent/model');
    expect(r).toMatchObject({ code: 2, err: 'giellm model: /nonexistent/model: no such folder' });
  });
});

describe('giellm model list', () => {
  const list = async (...extra: string[]) => {
    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: () => undefined, readFile: async () => '', readStdin: async () => '' };
    return { code: await run(['model', 'list', ...extra], io), out: out.join('\n') };
  };

  it('says which engine runs each catalog model, and the CPU ones’ speed with how it was found', async () => {
    const r = await list('--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; engine: string; cpu?: string }[];
    expect(rows.find((m) => m.id === 'GIELLM-13B-q4f16_1-MLC')!.engine).toBe('webllm');
    const cpu = rows.filter((m) => m.engine === 'wllama');
    expect(cpu.map((m) => m.id)).toEqual(['Qwen2.5-0.5B-Instruct-Q4_K_M-GGUF', 'Qwen2.5-1.5B-Instruct-Q4_K_M-GGUF', 'gemma-2-2b-jpn-it-Q4_K_M-GGUF']);
    expect(cpu[0]!.cpu).toBe('fast, ~25 tokens/s on 4 cores (estimated)');
    expect((await list()).out).toMatch(/Qwen2\.5-0\.5B-Instruct-Q4_K_M-GGUF\twllama \(browser, CPU\)\tprompted\t491 MB/);
  });
});

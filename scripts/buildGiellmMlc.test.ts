import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MODEL_CATALOG } from '../src/models/catalog.ts';

// scripts/build-giellm-mlc.sh with mlc_llm, python3 (TVM), emcc and npx stood in for by scripts on PATH
// that log their arguments: no model is converted here, but the folders it writes must be the ones the
// catalog's records name, and its refusals must say why.
const script = resolve('scripts/build-giellm-mlc.sh');

function sandbox(tvm: string, tools: string[] = ['mlc_llm', 'emcc', 'npx']) {
  const dir = mkdtempSync(join(tmpdir(), 'build-mlc-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const log = join(dir, 'calls.log');
  for (const tool of tools) {
    writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${log}"\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  writeFileSync(join(bin, 'python3'), `#!/bin/sh\necho "${tvm}"\n`);
  chmodSync(join(bin, 'python3'), 0o755);
  const checkpoint = join(dir, 'ckpt');
  mkdirSync(checkpoint);
  writeFileSync(join(checkpoint, 'config.json'), '{}');
  const run = (...args: string[]) => spawnSync('bash', [script, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, PATH: `${bin}:/usr/bin:/bin:${process.env.PATH}`, GIELLM_ANY_TVM: '' } });
  const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
  return { dir, checkpoint, run, calls };
}

const record = (id: string) => MODEL_CATALOG.find((m) => m.id === id)!;

describe('scripts/build-giellm-mlc.sh', () => {
  it('writes GIELLM-13B where its catalog record reads it, with the prefill chunk the prebuilt library is compiled for', () => {
    const s = sandbox('0.28.dev0');
    const r = s.run('llama', s.checkpoint, 'pub');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = `pub${record('GIELLM-13B-q4f16_1-MLC').weightsUrl}/resolve/main`;
    expect(s.calls()).toEqual([
      `mlc_llm convert_weight ${s.checkpoint} --quantization q4f16_1 -o ${out}`,
      `mlc_llm gen_config ${s.checkpoint} --quantization q4f16_1 --conv-template LM --prefill-chunk-size 1024 --context-window-size 2048 -o ${out}`,
      `npx giellm model check ${out} --mode giellm`,
    ]);
    expect(r.stdout).toContain('no generation_config.json');
    // The library it reuses is the prebuilt one compiled for a 1024-token prefill chunk (cs1k).
    expect(record('GIELLM-13B-q4f16_1-MLC').libUrl).toMatch(/Llama-2-13b-chat-hf-q4f16_1_cs1k-webgpu\.wasm$/);
    expect(record('GIELLM-13B-q4f16_1-MLC').contextWindow).toBe(2048);
  });

  it('compiles jpllm’s library to the very path its catalog record names, beside resolve/main', () => {
    const s = sandbox('0.28.1');
    const r = s.run('jpllm', s.checkpoint, 'pub');
    expect(r.status).toBe(0);
    const m = record('GIELLM-13B-jpllm-q4f16_1-MLC');
    const out = `pub${m.weightsUrl}/resolve/main`;
    expect(s.calls()).toContain(`mlc_llm compile ${out}/mlc-chat-config.json --device webgpu -o pub${m.libUrl}`);
    expect(s.calls().at(-1)).toBe(`npx giellm model check ${out} --mode giellm`);
    expect(r.stdout).toContain(`library pub${m.libUrl}`);
  });

  it('says how the model card’s generate decoded, from the checkpoint’s generation_config.json', () => {
    const s = sandbox('0.28.0');
    writeFileSync(join(s.checkpoint, 'generation_config.json'), JSON.stringify({ bos_token_id: 1, do_sample: true, eos_token_id: 2, temperature: 0.6, top_p: 0.9 }));
    expect(s.run('llama', s.checkpoint, 'pub').stdout).toContain('generation_config.json: do_sample true, temperature 0.6, top_p 0.9, top_k 50: the model card’s generate SAMPLED');
    writeFileSync(join(s.checkpoint, 'generation_config.json'), JSON.stringify({ bos_token_id: 1, eos_token_id: 2 }));
    expect(s.run('llama', s.checkpoint, 'pub').stdout).toContain('do_sample (unset: false): the model card’s generate was greedy, as the app is');
  });

  it('refuses a TVM of another generation than web-llm 0.2.86 runs, a missing emcc for jpllm, and a bad variant', () => {
    const old = sandbox('0.21.0');
    const r = old.run('llama', old.checkpoint, 'pub');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('mlc_llm runs on TVM 0.21.0; web-llm 0.2.86 runs libraries of TVM 0.28.0-dev0.');
    expect(old.calls()).toEqual([]);
    const noEmcc = sandbox('0.28.0', ['mlc_llm', 'npx']);
    const j = noEmcc.run('jpllm', noEmcc.checkpoint, 'pub');
    expect(j.status).toBe(2);
    expect(j.stderr).toContain('emcc not found');
    expect(noEmcc.calls()).toEqual([]);
    const bad = sandbox('0.28.0');
    expect(bad.run('gpt2', bad.checkpoint).stderr).toContain('usage: build-giellm-mlc.sh llama|jpllm');
  });
});

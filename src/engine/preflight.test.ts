import { describe, expect, it } from 'vitest';
import { checkConfig, checkLibrary, type FileProbe } from './preflight.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const probe = (status: number, body: string | Uint8Array, contentType = 'application/json'): FileProbe => ({
  url: 'http://127.0.0.1:4174/models/m/resolve/main/mlc-chat-config.json',
  status,
  contentType,
  head: typeof body === 'string' ? enc(body) : body,
});
const CONFIG = JSON.stringify({ tokenizer_files: ['tokenizer.json'], conv_template: {}, context_window_size: 4096, vocab_size: 32000 });

describe('preflight checks', () => {
  it('passes a good config and a wasm library', () => {
    expect(checkConfig(probe(200, CONFIG))).toBeNull();
    expect(checkLibrary(probe(200, new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), 'application/wasm'))).toBeNull();
  });

  it('names the file and the reason', () => {
    expect(checkConfig(probe(404, 'Not Found', 'text/plain'))).toMatchObject({ kind: 'not-found', message: expect.stringContaining('mlc-chat-config.json was not found at http://127.0.0.1:4174/') });
    expect(checkConfig(probe(200, '<!doctype html><html>…', 'text/html'))).toMatchObject({ kind: 'bad-file', message: expect.stringContaining('answered with a web page') });
    expect(checkConfig(probe(200, '{"vocab_size": 1'))).toMatchObject({ kind: 'bad-file', message: expect.stringContaining('is not valid JSON') });
    expect(checkConfig(probe(200, '{"vocab_size": 1}'))).toMatchObject({ message: expect.stringContaining('lacks tokenizer_files, conv_template, context_window_size') });
    expect(checkConfig(probe(503, ''))).toMatchObject({ kind: 'network', message: expect.stringContaining('HTTP 503') });
    expect(checkLibrary(probe(200, 'not wasm', 'application/octet-stream'))).toMatchObject({ kind: 'library' });
    expect(checkLibrary(probe(200, '<!DOCTYPE html>', 'text/html'))).toMatchObject({ kind: 'bad-file' });
  });
});

import { describe, expect, it } from 'vitest';
import { CATALOG_MODEL_HOSTS, hostAllowed, LOOPBACK_HOSTS } from './hosts.ts';

describe('hostAllowed', () => {
  const sources = [...CATALOG_MODEL_HOSTS, ...LOOPBACK_HOSTS, 'https://models.example.org'];
  const origin = 'https://app.example.net';
  it('matches the CSP source list as the browser would', () => {
    expect(hostAllowed('/models/x', origin, sources)).toBe(true);
    expect(hostAllowed('https://huggingface.co/a/b', origin, sources)).toBe(true);
    expect(hostAllowed('https://cdn-lfs.huggingface.co/x', origin, sources)).toBe(true);
    expect(hostAllowed('https://cas-bridge.xethub.hf.co/x', origin, sources)).toBe(true);
    expect(hostAllowed('http://127.0.0.1:8080/m.gguf', origin, sources)).toBe(true);
    expect(hostAllowed('https://models.example.org/m.gguf', origin, sources)).toBe(true);
    expect(hostAllowed('http://huggingface.co/a', origin, sources)).toBe(false);
    expect(hostAllowed('https://evilhuggingface.co/a', origin, sources)).toBe(false);
    expect(hostAllowed('https://models.example.org:8443/m', origin, sources)).toBe(false);
    expect(hostAllowed('https://other.example.org/m', origin, sources)).toBe(false);
    expect(hostAllowed('not a url', 'nope', sources)).toBe(false);
  });
});

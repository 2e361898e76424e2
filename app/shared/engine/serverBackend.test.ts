import { describe, expect, it } from 'vitest';
import { serverAllowed } from './serverBackend.ts';

describe('server hosts the CSP allows', () => {
  it('loopback on any port, and the build’s GIELLM_MODEL_HOSTS', () => {
    expect(serverAllowed('http://127.0.0.1:8080')).toBe(true);
    expect(serverAllowed('http://localhost:11434/v1')).toBe(true);
    expect(serverAllowed('https://gpu.example.org')).toBe(false);
    expect(serverAllowed('https://gpu.example.org/v1', ['https://gpu.example.org'])).toBe(true);
    expect(serverAllowed('https://a.gpu.example.org', ['https://*.gpu.example.org'])).toBe(true);
    expect(serverAllowed('http://a.gpu.example.org', ['https://*.gpu.example.org'])).toBe(false);
    expect(serverAllowed('http://[::1]:8080')).toBe(false);
    expect(serverAllowed('not a url')).toBe(false);
  });
});

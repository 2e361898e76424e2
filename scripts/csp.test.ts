import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, policyForPath } from './csp.ts';

describe('the Content-Security-Policy by path', () => {
  it('lets the CPU engine’s worker alone start blob: workers; the page and every other file keep worker-src self', () => {
    const page = contentSecurityPolicy('');
    expect(page).toContain("worker-src 'self';");
    expect(policyForPath('/index.html', '')).toBe(page);
    expect(policyForPath('/assets/worker-Da264Zcr.js', '')).toBe(page);
    expect(policyForPath('/assets/wllamaWorker-DVkLVrMt.js?v=1', '')).toContain("worker-src 'self' blob:;");
    // Nothing else widens: scripts, connections and the rest are the page's.
    expect(policyForPath('/assets/wllamaWorker-DVkLVrMt.js', '').replace("worker-src 'self' blob:", "worker-src 'self'")).toBe(page);
    expect(policyForPath('/giellm/assets/wllamaWorker-x.js', 'https://models.example.org')).toContain('https://models.example.org');
  });
});

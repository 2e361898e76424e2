// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { perFrame } from './perFrame.ts';

describe('perFrame', () => {
  it('hands on the latest value once per frame, and flush hands on what is pending at once', async () => {
    const seen: number[] = [];
    const f = perFrame((v: number) => seen.push(v));
    for (let i = 1; i <= 5; i++) f.push(i);
    expect(seen).toEqual([]);
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    expect(seen).toEqual([5]);
    f.push(6);
    f.push(7);
    f.flush();
    expect(seen).toEqual([5, 7]);
    await new Promise((ok) => setTimeout(ok, 150));
    expect(seen).toEqual([5, 7]); // nothing pending: the scheduled frame hands on nothing twice
  });
});

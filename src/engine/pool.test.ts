import { describe, expect, it } from 'vitest';
import { eachConcurrently } from './pool.ts';

describe('eachConcurrently', () => {
  it('takes every item once, never more at a time than there are workers, and stops taking when told', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await eachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (x) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(x);
      inFlight--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
    const taken: number[] = [];
    await eachConcurrently([1, 2, 3, 4], 1, async (x) => void taken.push(x), () => taken.length >= 2);
    expect(taken).toEqual([1, 2]);
  });
});

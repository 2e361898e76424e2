import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestEvery } from './latestEvery.ts';

describe('latestEvery', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends the first text at once, then at most one text per interval: the latest, even when no token follows', () => {
    const sent: string[] = [];
    const p = latestEvery((t: string) => sent.push(t), 50);
    p.push('<');
    expect(sent).toEqual(['<']);
    p.push('<社');
    p.push('<社会');
    expect(sent).toEqual(['<']);
    vi.advanceTimersByTime(49);
    expect(sent).toEqual(['<']);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['<', '<社会']);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual(['<', '<社会']);
    p.push('<社会>');
    expect(sent).toEqual(['<', '<社会', '<社会>']);
  });

  it('drops what is held back at the end: nothing is sent after the final result', () => {
    const sent: string[] = [];
    const p = latestEvery((t: string) => sent.push(t), 50);
    p.push('a');
    p.push('ab');
    p.drop();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual(['a']);
  });
});

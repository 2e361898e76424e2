/** The value at quantile q (0..1) of a sample, nearest rank; the median at 0.5. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** The value at quantile q (0..1) of a sample, nearest rank; the median at 0.5. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** Prints rows as a table: the first column left-aligned, the others right-aligned, two spaces between. */
export function printTable(rows: readonly (readonly string[])[]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}

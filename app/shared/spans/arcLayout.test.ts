import { describe, expect, it } from 'vitest';
import { layoutArcs, type ArcInput } from './arcLayout.ts';

const arc = (fromRow: number, fromX: number, toRow: number, toX: number, labelWidth = 30): ArcInput => ({ from: { row: fromRow, x: fromX }, to: { row: toRow, x: toX }, labelWidth });

describe('arc layout', () => {
  it('draws an arc within a row as one bracket, arrow at its target, label in the middle', () => {
    const { pieces, levels } = layoutArcs([arc(0, 100, 0, 300)], 800);
    expect(pieces).toEqual([{ arc: 0, row: 0, level: 0, x1: 100, x2: 300, legAt1: true, legAt2: true, arrowAt: 2, labelX: 200 }]);
    expect(levels).toEqual([1]);
    // Pointing backwards, the arrow is at the left end.
    expect(layoutArcs([arc(0, 300, 0, 100)], 800).pieces[0]).toMatchObject({ x1: 100, x2: 300, arrowAt: 1 });
  });

  it('splits an arc across rows at the edges, each half labelled', () => {
    const { pieces, levels } = layoutArcs([arc(0, 700, 2, 50)], 800);
    expect(pieces).toEqual([
      { arc: 0, row: 0, level: 0, x1: 700, x2: 800, legAt1: true, legAt2: false, arrowAt: null, labelX: 750 },
      { arc: 0, row: 2, level: 0, x1: 0, x2: 50, legAt1: false, legAt2: true, arrowAt: 2, labelX: 25 },
    ]);
    expect(levels).toEqual([1, 0, 1]);
    const back = layoutArcs([arc(2, 50, 0, 700)], 800).pieces;
    expect(back.map((p) => [p.row, p.arrowAt, p.labelX])).toEqual([
      [0, 1, 750],
      [2, null, 25],
    ]);
  });

  it('keeps labels inside the row, and a bracket between one place wide enough to see', () => {
    const [p] = layoutArcs([arc(0, 790, 0, 795, 60)], 800).pieces;
    expect(p!.labelX).toBe(770);
    expect(p!.x2 - p!.x1).toBeGreaterThanOrEqual(12);
  });

  it('stacks overlapping arcs, the shorter one lower; disjoint ones share a level', () => {
    const { pieces, levels } = layoutArcs([arc(0, 100, 0, 600), arc(0, 200, 0, 300), arc(0, 400, 0, 500)], 800);
    expect(pieces.map((p) => p.level)).toEqual([1, 0, 0]);
    expect(levels).toEqual([2]);
  });

  it('never puts two overlapping pieces or labels on one level of a row (random arcs)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const arcs = Array.from({ length: 40 }, () => arc(Math.floor(rand() * 5), rand() * 800, Math.floor(rand() * 5), rand() * 800, 20 + rand() * 60));
      const { pieces, levels } = layoutArcs(arcs, 800);
      const box = (p: (typeof pieces)[number]) => {
        const w = p.labelX === null ? 0 : arcs[p.arc]!.labelWidth / 2;
        return [Math.min(p.x1, p.labelX === null ? p.x1 : p.labelX - w), Math.max(p.x2, p.labelX === null ? p.x2 : p.labelX + w)] as const;
      };
      for (const a of pieces)
        for (const b of pieces) {
          if (a === b || a.row !== b.row || a.level !== b.level) continue;
          const [al, ah] = box(a);
          const [bl, bh] = box(b);
          expect(ah <= bl || bh <= al).toBe(true);
        }
      for (const p of pieces) expect(p.level).toBeLessThan(levels[p.row]!);
    }
  });
});

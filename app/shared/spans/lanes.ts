/**
 * Lanes for stacked spans: each range gets the lowest lane free over its whole extent, outer (longer)
 * ranges first, so a nested span sits below the span holding it and overlapping spans never share a
 * lane. Ranges with the same `key` over the same extent (the head of several relations) share one.
 */
export function assignLanes<R extends { start: number; end: number }>(ranges: readonly R[], keyOf: (r: R) => string = (r) => (r as unknown as { key: string }).key): number[] {
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]!.start - ranges[b]!.start || ranges[b]!.end - ranges[a]!.end);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(ranges.length).fill(0);
  // Ranges over the same extent sit next to each other in `order`: a range shares the lane of one of them
  // with its key, looked for in that run alone (a map of every extent cost a long article's first render).
  let run = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const r = ranges[i]!;
    const prev = k > 0 ? ranges[order[k - 1]!]! : undefined;
    if (prev === undefined || prev.start !== r.start || prev.end !== r.end) run = k;
    let shared = -1;
    if (run < k) {
      const key = keyOf(r);
      for (let j = run; j < k && shared < 0; j++) if (keyOf(ranges[order[j]!]!) === key) shared = lanes[order[j]!]!;
    }
    if (shared >= 0) {
      lanes[i] = shared;
      continue;
    }
    let lane = laneEnds.findIndex((end) => end <= r.start);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = r.end;
    lanes[i] = lane;
  }
  return lanes;
}

/**
 * The spans under a position, innermost (shortest) first, then in item order: what a click on the text
 * picks first, and the order Tab cycles through.
 */
export function spansUnder(spans: readonly { start: number | null; end: number | null }[], pos: number): number[] {
  const under: number[] = [];
  spans.forEach((s, i) => {
    if (s.start !== null && s.end !== null && s.start <= pos && pos < s.end) under.push(i);
  });
  const len = (i: number) => spans[i]!.end! - spans[i]!.start!;
  return under.sort((a, b) => len(a) - len(b) || a - b);
}

/** The span after `current` among those under `pos` (wrapping), or the innermost when `current` is not among them. */
export function nextSpanUnder(spans: readonly { start: number | null; end: number | null }[], pos: number, current: number | null, step: 1 | -1 = 1): number | null {
  const under = spansUnder(spans, pos);
  if (under.length === 0) return null;
  const at = current === null ? -1 : under.indexOf(current);
  if (at === -1) return under[0]!;
  return under[(at + step + under.length) % under.length]!;
}

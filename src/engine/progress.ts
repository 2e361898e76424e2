/** A WebLLM init progress report: `progress` restarts at 0 in each phase, so the phase comes from `text`. */
export interface InitProgress {
  progress: number;
  timeElapsed: number;
  text: string;
}

export type LoadPhase = 'config' | 'fetch' | 'cache' | 'file' | 'shaders' | 'ready';

export interface LoadStatus {
  phase: LoadPhase;
  /** 0..1 within the phase. */
  fraction: number;
  /** Megabytes done in the phase, where WebLLM says. */
  mb: number | null;
  shard: { done: number; total: number } | null;
  elapsedS: number;
  /** Seconds left in the phase, estimated from the rate so far; null when it cannot be told. */
  etaS: number | null;
}

const NUM = (re: RegExp, s: string) => {
  const m = re.exec(s);
  return m ? Number(m[1]) : null;
};

/**
 * The load status from one report. `resumedFrom` is the share of the weights already cached when this load
 * began: web-llm counts a cached shard as fetched again (its fetchTensorCache adds every shard's nbytes), so a
 * resumed download's bar would restart at 0 and its rate would include the cache's speed. The bar never shows
 * less than what was there, and the ETA is taken from the bytes this load downloaded.
 */
export function readProgress(report: InitProgress, resumedFrom = 0): LoadStatus {
  const { text } = report;
  const phase: LoadPhase = /^Fetching param cache|^Start to fetch/.test(text)
    ? 'fetch'
    : /^Loading model from cache/.test(text)
      ? 'cache'
      : /^Loading model from file/.test(text)
        ? 'file'
      : /^Loading GPU shader/.test(text)
        ? 'shaders'
        : /^Finish loading/.test(text)
          ? 'ready'
          : 'config';
  const reported = Math.max(0, Math.min(1, Number.isFinite(report.progress) ? report.progress : 0));
  const base = phase === 'fetch' ? Math.max(0, Math.min(1, resumedFrom)) : 0;
  const fraction = Math.max(reported, base);
  const shardMatch = /\[(\d+)\/(\d+)\]/.exec(text);
  const elapsedS = NUM(/(\d+) secs elapsed/, text) ?? report.timeElapsed;
  const done = reported - base;
  const etaS = done > 0.01 && reported < 1 && elapsedS > 0 ? Math.round((elapsedS * (1 - reported)) / done) : null;
  return {
    phase,
    fraction,
    mb: NUM(/(\d+)MB (fetched|loaded)/, text),
    shard: shardMatch ? { done: Number(shardMatch[1]), total: Number(shardMatch[2]) } : null,
    elapsedS,
    etaS,
  };
}

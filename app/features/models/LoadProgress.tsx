import type { LoadStatus } from '../../../src/index.ts';

const PHASES: Record<LoadStatus['phase'], string> = {
  config: 'Fetching configuration and model library',
  fetch: 'Downloading weights',
  cache: 'Loading weights from the cache',
  shaders: 'Compiling GPU shaders',
  ready: 'Ready',
};

const time = (s: number) => (s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`);

export function LoadProgress({ load, onCancel }: { load: LoadStatus; onCancel(): void }) {
  const pct = Math.round(load.fraction * 100);
  return (
    <div className="grid gap-1" data-testid="load-progress">
      <div className="flex items-center justify-between text-sm">
        <span data-testid="load-phase">{PHASES[load.phase]}</span>
        <span className="tabular-nums text-slate-600 dark:text-slate-400">
          {pct}%{load.mb !== null && ` · ${load.mb} MB`}
          {load.shard && ` · file ${load.shard.done}/${load.shard.total}`} · {time(load.elapsedS)}
          {load.etaS !== null && ` · about ${time(load.etaS)} left`}
        </span>
      </div>
      <progress className="h-2 w-full" max={100} value={pct} aria-label={`${PHASES[load.phase]}: ${pct}%`} />
      <button type="button" className="justify-self-start rounded border px-2 py-0.5 text-sm" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { LoadStatus } from '../../../src/index.ts';
import { formatDuration } from '../../shared/formatDuration.ts';


export function LoadProgress({ load, onCancel }: { load: LoadStatus; onCancel(): void }) {
  const { t } = useTranslation();
  const pct = Math.round(load.fraction * 100);
  const phase = t(`models.phase.${load.phase}`);
  return (
    <div className="grid gap-1" data-testid="load-progress">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span data-testid="load-phase">{phase}</span>
        <span className="tabular-nums text-slate-600 dark:text-slate-400">
          {pct}%{load.mb !== null && ` · ${load.mb} MB`}
          {load.shard && ` · ${t('models.file', { done: load.shard.done, total: load.shard.total })}`} · {formatDuration(load.elapsedS)}
          {load.etaS !== null && ` · ${t('models.left', { time: formatDuration(load.etaS) })}`}
        </span>
      </div>
      <progress className="h-2 w-full" max={100} value={pct} aria-label={`${phase}: ${pct}%`} />
      <button type="button" className="justify-self-start rounded border px-2 py-0.5 text-sm" onClick={onCancel}>
        {t('models.cancel')}
      </button>
    </div>
  );
}

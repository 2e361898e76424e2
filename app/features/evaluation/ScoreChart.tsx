import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskReport } from '../../../src/metrics/report.ts';
import { PAPER_HEADLINE_MODEL } from '../../../src/metrics/paperResults.ts';

const METRICS = ['tl', 'wl', 'all'] as const;
const BAR = 10;
const GROUP_GAP = 14;
const LABEL_W = 96;
const WIDTH = 420;
// Four series stay readable as bars: this evaluation, the paper's headline GIELLM, its 7B sibling, and the
// GPT-3.5 baseline (the table and the reports carry every model of Table 1).
const CHART_MODELS = [PAPER_HEADLINE_MODEL, 'GIELLM-7B', 'GPT-3.5-Turbo'];

/**
 * Horizontal bars per task and metric: this evaluation (with its 95% interval as a whisker) beside three
 * models of the paper's Table 1 for the same dataset. Plain SVG: a handful of bars needs no chart library.
 */
export function ScoreChart({ tasks }: { tasks: readonly TaskReport[] }) {
  const { t } = useTranslation();
  const models = CHART_MODELS.filter((m) => tasks.some((r) => r.paper.some((p) => p.model === m)));
  const series = [t('evaluation.thisRun'), ...models];
  // Each series a light and a dark shade, both 3:1 or more against their background (bars are graphics).
  const colors = [
    { fill: 'fill-indigo-700 dark:fill-indigo-400', swatch: 'bg-indigo-700 dark:bg-indigo-400' },
    { fill: 'fill-teal-600 dark:fill-teal-400', swatch: 'bg-teal-600 dark:bg-teal-400' },
    { fill: 'fill-amber-600 dark:fill-amber-400', swatch: 'bg-amber-600 dark:bg-amber-400' },
    { fill: 'fill-slate-500 dark:fill-slate-400', swatch: 'bg-slate-500 dark:bg-slate-400' },
  ];
  const scale = (v: number) => LABEL_W + ((WIDTH - LABEL_W - 8) * v) / 100;
  let y = 4;
  const rows: ReactElement[] = [];
  for (const task of tasks) {
    for (const m of METRICS) {
      const label = `${task.task} ${m.toUpperCase()}`;
      const values = [task.scores[m], ...models.map((name) => task.paper.find((p) => p.model === name)?.[m] ?? null)];
      const top = y;
      rows.push(
        <text key={`${label}-l`} x={0} y={top + BAR} fontSize={11} fill="currentColor">
          {label}
        </text>,
      );
      values.forEach((v, i) => {
        if (v === null) return;
        rows.push(
          <rect key={`${label}-${i}`} x={LABEL_W} y={y} width={scale(v) - LABEL_W} height={BAR - 2} className={colors[i % colors.length]!.fill} data-series={series[i]} data-value={v.toFixed(2)}>
            <title>{`${series[i]}: ${v.toFixed(2)}`}</title>
          </rect>,
        );
        const ci = i === 0 ? task.intervals[m] : null;
        if (ci) rows.push(<line key={`${label}-ci`} x1={scale(ci[0])} x2={scale(ci[1])} y1={y + (BAR - 2) / 2} y2={y + (BAR - 2) / 2} stroke="currentColor" strokeWidth={1.5} />);
        y += BAR;
      });
      y += GROUP_GAP - BAR / 2;
    }
  }
  return (
    <figure className="grid gap-1">
      <svg viewBox={`0 0 ${WIDTH} ${y + 14}`} className="w-full max-w-xl" role="img" aria-label={t('evaluation.chart')} data-testid="score-chart">
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={scale(v)} x2={scale(v)} y1={0} y2={y} stroke="currentColor" strokeOpacity={0.15} />
            <text x={scale(v)} y={y + 11} fontSize={9} textAnchor="middle" fill="currentColor">
              {v}
            </text>
          </g>
        ))}
        {rows}
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-xs">
        {series.map((s, i) => (
          <span key={s} className="flex items-center gap-1">
            <span className={`inline-block h-2 w-3 ${colors[i % colors.length]!.swatch}`} />
            {s}
          </span>
        ))}
        <span>{t('evaluation.whisker')}</span>
      </figcaption>
    </figure>
  );
}

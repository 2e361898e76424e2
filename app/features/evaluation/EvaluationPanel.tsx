import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MATCH, TASKS, type LocatedExtraction, type MatchOptions } from '../../../src/index.ts';
import { addSuggestions, asSuggestions } from '../../../src/annotate/provenance.ts';
import { differs, evaluate, METRICS, reportCsv, reportJson, reportMarkdown, type EvalReport, type Item } from '../../../src/metrics/report.ts';
import { headlineRow } from '../../../src/metrics/paperResults.ts';
import type { Interval } from '../../../src/metrics/bootstrap.ts';
import { downloadFile } from '../../shared/download.ts';
import { Choice } from '../../shared/Choice.tsx';
import { useCorpusStore } from '../../shared/corpus/corpusStore.ts';
import { useProfileStore } from '../../shared/profile/profileStore.ts';
import { pairDocuments, type PredictionSource } from '../../../src/corpus/pairing.ts';
import { ScoreChart } from './ScoreChart.tsx';

const control = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900';
const DIFFS_SHOWN = 200;
const BATCH = '\u0000batch';

const cell = (v: number | null, ci: Interval) => (v === null ? 'n/a' : `${v.toFixed(2)}${ci ? ` [${ci[0].toFixed(1)}–${ci[1].toFixed(1)}]` : ''}`);
const UNSCORABLE_SHOWN = 20;
type Pairing = ReturnType<typeof pairDocuments>;
const itemText = (i: Item) => i.join(';');

/** Scores a gold set against predictions (a batch run or another file) as the paper does, beside its Table 1. */
export function EvaluationPanel() {
  const { t } = useTranslation();
  const documents = useCorpusStore((s) => s.documents);
  const sources = useMemo(() => [...new Set(documents.map((d) => d.source))], [documents]);
  const [gold, setGold] = useState('');
  const [pred, setPred] = useState(BATCH);
  const [match, setMatch] = useState<MatchOptions>(DEFAULT_MATCH);
  const [protocol, setProtocol] = useState(false);
  // The differing document shown side by side (gold | other), if any.
  const [compared, setCompared] = useState<string | null>(null);
  const [result, setResult] = useState<(Omit<Pairing, 'pairs'> & { report: EvalReport; others: Map<string, LocatedExtraction> }) | null>(null);
  const goldSource = gold || sources[0] || '';
  if (documents.length === 0) return null;

  const run = () => {
    const from: PredictionSource = pred === BATCH ? { kind: 'batch' } : { kind: 'file', source: pred };
    const { pairs, ...p } = pairDocuments(documents, goldSource, from, useProfileStore.getState().profile);
    // The other side of each pair, kept for adjudication.
    const others = new Map(pairs.map((q) => [q.id, q.pred as LocatedExtraction]));
    setResult({ ...p, report: evaluate(pairs, match, 1000, { scposProtocol: protocol }), others });
  };
  const save = (kind: 'json' | 'csv' | 'md') => {
    if (!result) return;
    const r = result.report;
    if (kind === 'json') downloadFile('evaluation.json', 'application/json', reportJson(r));
    if (kind === 'csv') downloadFile('evaluation.csv', 'text/csv', reportCsv(r));
    if (kind === 'md') downloadFile('evaluation.md', 'text/markdown', reportMarkdown(r));
  };
  const report = result?.report;
  // Opens a differing document in the editor, stepping through the differing ones.
  const openDiff = (id: string) => {
    const ids = differing.map((d) => result!.documentIds.get(d.id)!);
    const doc = documents.find((d) => d.id === result!.documentIds.get(id));
    if (doc) useCorpusStore.getState().openEditor(doc, ids);
  };
  const differing = report?.documents.filter(differs) ?? [];
  /**
   * Adjudication: the gold document opened in the editor with the other side's items it lacks as that
   * side's suggestions, to take (Y) or leave (X) one by one; what is taken records who decided and when.
   */
  const adjudicate = (id: string) => {
    openDiff(id);
    const other = result?.others.get(id);
    if (!other) return;
    const side = pred === BATCH ? t('evaluation.batch') : pred;
    useCorpusStore.getState().apply((x, _text, who) => addSuggestions(x, asSuggestions({ ...x, entities: other.entities, relations: other.relations, events: other.events }, side, who.at, pred === BATCH ? 'model' : 'person')));
  };

  return (
    <details className="rounded border border-slate-200 p-3 dark:border-slate-800" data-testid="evaluation">
      <summary className="font-medium">{t('evaluation.heading')}</summary>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <Choice className={control} label={t('evaluation.gold')} value={goldSource} onChange={setGold} options={sources.map((s) => [s, s])} />
        <Choice className={control} label={t('evaluation.predictions')} value={pred} onChange={setPred} options={[[BATCH, t('evaluation.batch')], ...sources.filter((s) => s !== goldSource).map((s): [string, string] => [s, s])]} />
        <Choice
          className={control}
          label={t('evaluation.duplicates')}
          value={match.duplicates}
          onChange={(v) => setMatch({ ...match, duplicates: v as MatchOptions['duplicates'] })}
          options={[
            ['multiset', t('evaluation.multiset')],
            ['set', t('evaluation.set')],
          ]}
        />
        <Choice
          className={control}
          label={t('evaluation.normalize')}
          value={match.normalize}
          onChange={(v) => setMatch({ ...match, normalize: v as MatchOptions['normalize'] })}
          options={[
            ['nfkc', 'NFKC'],
            ['none', t('evaluation.asWritten')],
          ]}
        />
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={protocol} onChange={(e) => setProtocol(e.target.checked)} />
          {t('evaluation.protocol')}
        </label>
        <button type="button" className={control} onClick={run}>
          {t('evaluation.evaluate')}
        </button>
      </div>
      {result && report && (
        // One column no wider than the panel: a wide table scrolls in its own box, it never widens the page.
        <div className="mt-3 grid grid-cols-[minmax(0,1fr)] gap-3">
          <p className="text-sm" data-testid="evaluation-summary">
            {t('evaluation.summary', { n: report.documentCount })}
            {result.noGold > 0 && ` ${t('evaluation.noGold', { count: result.noGold })}`}
            {result.noPrediction > 0 && ` ${t('evaluation.noPrediction', { count: result.noPrediction })}`}
            {result.textMismatch > 0 && ` ${t('evaluation.textMismatch', { count: result.textMismatch })}`}
            {result.ambiguous > 0 && ` ${t('evaluation.ambiguous', { count: result.ambiguous })}`}
            {report.unscorable.length > 0 && ` ${t('evaluation.unscorable', { count: report.unscorable.length })}`}
          </p>
          {report.unscorable.length > 0 && (
            <ul className="text-xs text-amber-800 dark:text-amber-200" data-testid="evaluation-unscorable">
              {report.unscorable.slice(0, UNSCORABLE_SHOWN).map((u) => (
                <li key={u.id} lang="ja">
                  {u.id}: {u.reason}
                </li>
              ))}
            </ul>
          )}
          {report.overall.scores.n > 0 && (
            <>
              <div className="overflow-x-auto">
                <table className="text-sm whitespace-nowrap tabular-nums" data-testid="evaluation-table">
                  <caption className="text-left text-xs text-slate-600 dark:text-slate-400">{t('evaluation.caption', { samples: report.samples })}</caption>
                  <thead>
                    <tr className="text-left">
                      <th className="pr-3">{t('evaluation.task')}</th>
                      <th className="pr-3">n</th>
                      {METRICS.map(([k]) => (
                        <th key={k} className="pr-3">
                          {t(`evaluation.metric.${k}`)}
                        </th>
                      ))}
                      <th>{t('evaluation.paper')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...report.tasks.map((r) => ({ name: r.task, scores: r.scores, intervals: r.intervals, headline: headlineRow(r.paper), dataset: r.dataset })), { name: 'overall', ...report.overall, headline: undefined, dataset: null }].map((r) => (
                      <tr key={r.name} data-task={r.name}>
                        <th className="pr-3 text-left">{r.name}</th>
                        <td className="pr-3">{r.scores.n}</td>
                        {METRICS.map(([k]) => (
                          <td key={k} className="pr-3" data-metric={k}>
                            {cell(r.scores[k], r.intervals[k])}
                          </td>
                        ))}
                        <td className="text-xs">{r.dataset && r.headline ? `${r.dataset} ${r.headline.model}: ${r.headline.tl} / ${r.headline.wl} / ${r.headline.all}` : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {/* For two annotators (or an annotator and a model): the category's agreement beyond chance. */}
              <ul className="text-sm" data-testid="evaluation-kappa">
                {report.tasks.map((task) => (
                  <li key={task.task}>{t('evaluation.kappa', { task: task.task, kappa: task.categoryKappa === null ? t('evaluation.kappaUndefined') : task.categoryKappa.toFixed(3) })}</li>
                ))}
                {report.tasks
                  .filter((task) => TASKS[task.task].shape === 'pairs')
                  .map((task) => (
                    <li key={`${task.task}-spans`} data-testid="evaluation-span-kappa">
                      {t(task.spansWithoutOffsets ? 'evaluation.spanKappaLeftOut' : 'evaluation.spanKappa', {
                        task: task.task,
                        kappa: task.spanKappa === null ? t('evaluation.spanKappaUndefined') : task.spanKappa.toFixed(3),
                        count: task.spansWithoutOffsets,
                      })}
                    </li>
                  ))}
              </ul>
              <p className="max-w-prose text-xs text-slate-600 dark:text-slate-400" data-testid="evaluation-all-explained">
                {t('evaluation.allExplained')}
              </p>
              {report.tasks
                .filter((task) => task.truncated > 0 || task.unreadable > 0)
                .map((task) => (
                  <p key={task.task} className="text-xs text-amber-800 dark:text-amber-200" data-testid="evaluation-flags">
                    {t('evaluation.flags', { task: task.task, truncated: task.truncated, unreadable: task.unreadable })}
                  </p>
                ))}
              {report.tasks.some((task) => task.protocol) && (
                <table className="text-sm tabular-nums" data-testid="evaluation-protocol">
                  <caption className="text-left text-xs text-slate-600 dark:text-slate-400">{t('evaluation.protocolCaption')}</caption>
                  <tbody>
                    {report.tasks
                      .filter((task) => task.protocol)
                      .map((task) => (
                        <tr key={task.task} data-task={task.task}>
                          <th className="pr-3 text-left">{task.task}</th>
                          <td className="pr-3">{task.protocol!.size}</td>
                          {METRICS.map(([k]) => (
                            <td key={k} className="pr-3" data-metric={k}>
                              {cell(task.protocol!.mean[k], null)}
                            </td>
                          ))}
                        </tr>
                      ))}
                  </tbody>
                </table>
              )}
              <ScoreChart tasks={report.tasks} />
              <details data-testid="label-scores">
                <summary className="text-sm font-medium">{t('evaluation.perLabel')}</summary>
                <div className="mt-1 grid grid-cols-[minmax(0,1fr)] gap-3 overflow-x-auto">
                  {report.tasks.map((task) => (
                    <table key={task.task} className="text-sm tabular-nums" data-task={task.task}>
                      <caption className="text-left font-medium">{task.task}</caption>
                      <thead>
                        <tr className="text-left">
                          {[t('result.label'), t('evaluation.goldCount'), t('evaluation.predCount'), t('evaluation.matched'), 'P', 'R', 'F1'].map((h) => (
                            <th key={h} className="pr-3">
                              {h}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {task.labels.map((l) => (
                          <tr key={l.label} data-label={l.label}>
                            <th className="pr-3 text-left font-normal" lang="ja">
                              {l.label}
                            </th>
                            <td className="pr-3">{l.gold}</td>
                            <td className="pr-3">{l.pred}</td>
                            <td className="pr-3">{l.matched}</td>
                            {[l.precision, l.recall, l.f1].map((v, i) => (
                              <td key={i} className="pr-3">
                                {v === null ? 'n/a' : v.toFixed(2)}
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ))}
                </div>
              </details>
              <div className="flex flex-wrap gap-2 text-sm">
                <span>{t('evaluation.export')}</span>
                <button type="button" className={control} onClick={() => save('json')}>
                  JSON
                </button>
                <button type="button" className={control} onClick={() => save('csv')}>
                  CSV
                </button>
                <button type="button" className={control} onClick={() => save('md')}>
                  Markdown
                </button>
              </div>
              <section aria-label={t('evaluation.diffs')}>
                <h3 className="text-sm font-medium">{t('evaluation.diffsCount', { count: differing.length, total: report.documentCount })}</h3>
                <ul className="grid grid-cols-[minmax(0,1fr)] gap-2 text-sm break-words" data-testid="evaluation-diffs">
                  {differing.slice(0, DIFFS_SHOWN).map((d) => (
                    <li key={d.id} className="rounded border border-slate-200 p-2 dark:border-slate-800" data-doc={d.id}>
                      <p lang="ja" className="flex gap-2">
                        <span className="min-w-0 flex-1 truncate">
                          <span className="text-xs text-slate-600 dark:text-slate-400">{d.id}</span> {d.text}
                        </span>
                        <button type="button" className="shrink-0 text-xs underline" onClick={() => openDiff(d.id)} aria-label={t('evaluation.openDoc', { id: d.id })}>
                          {t('evaluation.open')}
                        </button>
                        <button type="button" className="shrink-0 text-xs underline" aria-expanded={compared === d.id} onClick={() => setCompared(compared === d.id ? null : d.id)} aria-label={t('evaluation.compareDoc', { id: d.id })}>
                          {t('evaluation.compare')}
                        </button>
                        <button type="button" className="shrink-0 text-xs underline" onClick={() => adjudicate(d.id)} aria-label={t('evaluation.adjudicateDoc', { id: d.id })}>
                          {t('evaluation.adjudicate')}
                        </button>
                      </p>
                      {compared === d.id && <SideBySide d={d} other={pred === BATCH ? t('evaluation.batch') : pred} gold={goldSource} />}
                      {!d.tlCorrect && <p data-kind="category">{t('evaluation.categoryDiff', { gold: d.gold ?? '∅', pred: d.pred ?? '∅' })}</p>}
                      {d.missing.map((m, i) => (
                        <p key={`m${i}`} data-kind="missing" className="text-red-700 dark:text-red-300" lang="ja">
                          − {itemText(m)}
                        </p>
                      ))}
                      {d.extra.map((m, i) => (
                        <p key={`e${i}`} data-kind="extra" className="text-amber-700 dark:text-amber-300" lang="ja">
                          + {itemText(m)}
                        </p>
                      ))}
                      {d.wrongLabel.map((w, i) => (
                        <p key={`w${i}`} data-kind="wrong-label" lang="ja">
                          ≠ {itemText(w.gold)} → {itemText(w.pred)}
                        </p>
                      ))}
                      {d.unreadable > 0 && <p data-kind="unreadable">{t('evaluation.unreadableDiff', { count: d.unreadable })}</p>}
                      {d.truncated && <p data-kind="truncated">{t('result.truncated')}</p>}
                    </li>
                  ))}
                </ul>
                {differing.length > DIFFS_SHOWN && <p className="text-xs">{t('evaluation.moreDiffs', { count: differing.length - DIFFS_SHOWN })}</p>}
              </section>
            </>
          )}
        </div>
      )}
    </details>
  );
}

/** One differing document, gold and the other side item by item in two columns: what both have, what one lacks, what they label apart. */
function SideBySide({ d, gold, other }: { d: EvalReport['documents'][number]; gold: string; other: string }) {
  const { t } = useTranslation();
  const rows: { kind: string; left: string; right: string }[] = [
    { kind: d.tlCorrect ? 'same' : 'category', left: d.gold ?? '∅', right: d.pred ?? '∅' },
    ...d.matched.map((m) => ({ kind: 'same', left: itemText(m), right: itemText(m) })),
    ...d.missing.map((m) => ({ kind: 'missing', left: itemText(m), right: '—' })),
    ...d.extra.map((m) => ({ kind: 'extra', left: '—', right: itemText(m) })),
    ...d.wrongLabel.map((w) => ({ kind: 'wrong-label', left: itemText(w.gold), right: itemText(w.pred) })),
  ];
  return (
    <div className="mt-1 overflow-x-auto">
      <table className="w-full table-fixed text-sm" data-testid="side-by-side" lang="ja">
        <thead>
          <tr className="text-left">
            <th>{t('evaluation.goldSide', { name: gold })}</th>
            <th>{t('evaluation.otherSide', { name: other })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-kind={r.kind} className={r.kind === 'same' ? '' : 'bg-amber-50 dark:bg-amber-950'}>
              <td className="pr-2 break-words">{r.left}</td>
              <td className="break-words">{r.right}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

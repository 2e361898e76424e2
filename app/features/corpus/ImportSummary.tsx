import { useTranslation } from 'react-i18next';
import { ENCODINGS, type TextEncodingName } from '../../../src/text/decode.ts';
import type { Loss } from '../../../src/interchange/losses.ts';
import { useCorpusStore } from '../../shared/corpus/corpusStore.ts';
import type { FileSummary } from '../../shared/corpus/types.ts';
import { ErrorList } from '../../shared/ErrorList.tsx';
import { localizeInputError } from '../../shared/i18n/coreMessages.ts';

const select = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900';

/** What a loss list says, one line each, in the user's language. */
export function LossList({ losses, testId }: { losses: readonly Loss[]; testId: string }) {
  const { t } = useTranslation();
  // A long list is cut: the count is in the heading, and the first 200 say what kind of thing was lost.
  return (
    <ul className="ml-4 list-disc text-xs" data-testid={testId}>
      {losses.slice(0, 200).map((l, i) => (
        <li key={i}>
          {t('corpus.lossWhere', { doc: l.doc })}
          {l.item ? `, ${l.item}` : ''}: {t(`corpus.loss.${l.code}`)}
        </li>
      ))}
    </ul>
  );
}

/** The last import, file by file: format, encoding (changeable), documents and items, what was not kept and why. */
export function ImportSummary({ rows }: { rows: readonly FileSummary[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <section className="mt-2 rounded border border-slate-200 p-2 text-sm dark:border-slate-800" aria-label={t('corpus.summary')} data-testid="import-summary">
      <h3 className="font-medium">{t('corpus.summary')}</h3>
      {rows.map((r) => (
        <div key={r.file} className="mt-1" data-testid="import-summary-row" data-file={r.file}>
          <p>
            {t('corpus.summaryRow', { file: r.file, format: t(`corpus.formatNames.${r.format === 'csv' ? 'csv/entities' : r.format}` as 'corpus.formatNames.records'), read: r.read, stored: r.stored, items: r.items })}
            {r.chosenTask && <> · {t('corpus.summaryTask', { task: r.chosenTask })}</>}
            {r.chosenCategory !== undefined && <> · {t('corpus.summaryCategory', { category: r.chosenCategory ?? t('corpus.categoryNone') })}</>}
            {r.duplicates && <> · {t('corpus.summaryDuplicates', { count: r.duplicates.count, choice: t(`corpus.duplicateChoice.${r.duplicates.choice}`) })}</>}
          </p>
          {r.stopped && <p className="text-xs text-amber-800 dark:text-amber-300">{t('corpus.importStopped')}</p>}
          {r.encoding && (
            <label className="flex items-center gap-1 text-xs">
              {t('corpus.summaryEncoding')}
              <select className={select} value={r.encoding} aria-label={`${t('corpus.summaryEncoding')}: ${r.file}`} onChange={(e) => void useCorpusStore.getState().rereadFile(r.file, e.target.value as TextEncodingName)}>
                {ENCODINGS.map((e) => (
                  <option key={e} value={e}>
                    {e}
                  </option>
                ))}
              </select>
              {r.encodingBy && <span>({t(`corpus.summaryEncodingBy.${r.encodingBy}`)})</span>}
            </label>
          )}
          {r.losses.length > 0 && (
            <details>
              <summary className="text-xs text-amber-800 dark:text-amber-300">{t('corpus.summaryLosses', { count: r.losses.length })}</summary>
              <LossList losses={r.losses} testId="import-losses" />
            </details>
          )}
          {r.errors.length > 0 && (
            <details open>
              <summary className="text-xs text-red-700 dark:text-red-300">{t('corpus.summaryErrors', { count: r.errorCount ?? r.errors.length })}</summary>
              <ErrorList errors={r.errors.map(localizeInputError)} className="text-xs" testId="import-errors" />
            </details>
          )}
        </div>
      ))}
    </section>
  );
}

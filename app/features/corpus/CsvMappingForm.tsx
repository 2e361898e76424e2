import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PendingActions } from './PendingActions.tsx';
import type { CsvMapping } from '../../../src/interchange/csvImport.ts';
import { useCorpusStore } from '../../shared/corpus/corpusStore.ts';
import type { PendingImport } from '../../shared/corpus/types.ts';

const select = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900';
const FIELDS = [
  ['text', 'corpus.csvText'],
  ['output', 'corpus.csvOutput'],
  ['id', 'corpus.csvId'],
  ['task', 'corpus.csvTask'],
] as const;

/** Asks which CSV column holds the text, the output, the id and the task, starting from a guess by header names. */
export function CsvMappingForm({ pending }: { pending: Extract<PendingImport, { kind: 'csv' }> }) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<CsvMapping>(pending.mapping);
  return (
    <form
      className="mt-2 grid gap-2 rounded border border-slate-300 p-2 text-sm dark:border-slate-700"
      aria-label={t('corpus.csvHeading', { name: pending.name })}
      data-testid="csv-mapping"
      onSubmit={(e) => {
        e.preventDefault();
        void useCorpusStore.getState().confirmCsv(mapping);
      }}
    >
      <p className="font-medium">{t('corpus.csvHeading', { name: pending.name })}</p>
      <div className="flex flex-wrap gap-3">
        {FIELDS.map(([field, label]) => (
          <label key={field} className="flex items-center gap-1">
            {t(label)}
            <select
              className={select}
              value={mapping[field] ?? ''}
              onChange={(e) => setMapping({ ...mapping, [field]: e.target.value === '' && field !== 'text' ? null : e.target.value })}
            >
              {field !== 'text' && <option value="">{t('corpus.csvNone')}</option>}
              {pending.header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {mapping.task === null && <p className="text-xs">{t('corpus.csvDefaultTask')}</p>}
      <PendingActions submitLabel={t('corpus.csvImport')} />
    </form>
  );
}

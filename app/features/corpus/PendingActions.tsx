import { useTranslation } from 'react-i18next';
import { useCorpusStore } from '../../shared/corpus/corpusStore.ts';

const button = 'rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-700';

/** The two answers every question about an imported file ends with: import as set above, or leave the file out. */
export function PendingActions({ submitLabel }: { submitLabel: string }) {
  const { t } = useTranslation();
  return (
    <div className="flex gap-2">
      <button type="submit" className={button}>
        {submitLabel}
      </button>
      <button type="button" className={button} onClick={() => useCorpusStore.getState().cancelPending()}>
        {t('corpus.cancel')}
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useConsentStore } from './consentStore.ts';

const button = 'rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-700';

/** The frame's question when the host page asks to run the loaded model. */
export function RunConsent() {
  const { t } = useTranslation();
  const ask = useConsentStore((s) => s.ask);
  if (!ask) return null;
  return (
    <div role="alertdialog" aria-label={t('embed.askTitle')} className="rounded border border-amber-400 p-2 text-sm" data-testid="run-consent">
      <p>{t('embed.ask', { origin: ask.origin, count: ask.characters })}</p>
      <div className="mt-1 flex flex-wrap gap-2">
        <button type="button" className={button} onClick={() => ask.answer(true)}>
          {t('embed.allowOnce')}
        </button>
        <button type="button" className={button} onClick={() => ask.answer(true, true)}>
          {t('embed.allowVisit')}
        </button>
        <button type="button" className={button} onClick={() => ask.answer(false)}>
          {t('embed.refuse')}
        </button>
      </div>
    </div>
  );
}

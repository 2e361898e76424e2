import { useRegisterSW } from 'virtual:pwa-register/react';
import { useTranslation } from 'react-i18next';

/** "Ready offline" once the app shell is cached, and a prompt when a new version has been deployed. */
export function PwaStatus() {
  const { t } = useTranslation();
  const {
    offlineReady: [offlineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  if (needRefresh) {
    return (
      <div role="status" className="flex items-center gap-2 rounded bg-indigo-100 px-2 py-0.5 text-sm text-indigo-950 dark:bg-indigo-900 dark:text-indigo-50" data-testid="pwa-update">
        {t('app.updateReady')}
        <button type="button" className="rounded border border-indigo-400 px-2" onClick={() => void updateServiceWorker(true)}>
          {t('app.reload')}
        </button>
        <button type="button" className="rounded px-1" onClick={() => setNeedRefresh(false)} aria-label={t('commands.close')}>
          ×
        </button>
      </div>
    );
  }
  return offlineReady ? (
    <span className="text-xs text-emerald-800 dark:text-emerald-300" role="status" data-testid="offline-ready">
      ● {t('app.offlineReady')}
    </span>
  ) : null;
}

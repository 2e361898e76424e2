import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useTranslation } from 'react-i18next';
import { useAppUpdate } from './appUpdate.ts';

/** How often an open tab asks whether a new version was deployed (and on every return to the tab). */
const UPDATE_CHECK_MS = 30 * 60_000;

/** "Ready offline" once the app shell is cached, and a prompt when a new version has been deployed. */
export function PwaStatus() {
  const { t } = useTranslation();
  const {
    offlineReady: [offlineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    // A tab left open for days learns of a new deployment, and is offered the reload, before its lazy chunks 404.
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => void registration.update().catch(() => undefined);
      setInterval(check, UPDATE_CHECK_MS);
      document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
    },
  });
  const stale = useAppUpdate((s) => s.stale);
  // offlineReady fires once, when the app is first cached; on later visits a controlling worker says the same
  // (it may take control a moment after the page loads).
  const [controlled, setControlled] = useState(() => Boolean(navigator.serviceWorker?.controller));
  useEffect(() => {
    const sw = navigator.serviceWorker;
    if (!sw) return;
    const update = () => setControlled(Boolean(sw.controller));
    sw.addEventListener('controllerchange', update);
    return () => sw.removeEventListener('controllerchange', update);
  }, []);
  if (stale && !needRefresh) {
    return (
      <div role="status" className="flex items-center gap-2 rounded bg-indigo-100 px-2 py-0.5 text-sm text-indigo-950 dark:bg-indigo-900 dark:text-indigo-50" data-testid="app-stale">
        {t('app.stale')}
        <button type="button" className="rounded border border-indigo-400 px-2" onClick={() => location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    );
  }
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
  return offlineReady || controlled ? (
    <span className="text-xs text-emerald-800 dark:text-emerald-300" role="status" data-testid="offline-ready">
      ● {t('app.offlineReady')}
    </span>
  ) : null;
}

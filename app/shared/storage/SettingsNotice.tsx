import { useTranslation } from 'react-i18next';
import { useSettingsNotices } from './settings.ts';

/** Says which saved settings were reset to their defaults because they could not be read. */
export function SettingsNotice() {
  const { t } = useTranslation();
  const { reset, dismiss } = useSettingsNotices();
  if (reset.length === 0) return null;
  const names = reset.map((k) => t(`storage.settingsNames.${k}` as 'storage.settingsNames.giellm-theme', { defaultValue: k })).join(t('storage.listSeparator'));
  return (
    <p role="status" className="mb-3 flex flex-wrap items-center gap-2 rounded border border-amber-300 p-2 text-sm text-amber-900 dark:border-amber-700 dark:text-amber-200" data-testid="settings-reset">
      {t('storage.settingsReset', { names })}
      <button type="button" className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700" onClick={dismiss}>
        {t('storage.dismiss')}
      </button>
    </p>
  );
}

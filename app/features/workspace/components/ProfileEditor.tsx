import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTIN_PROFILES, TASKS, type FormatProfile, type TaskId } from '../../../../src/index.ts';
import { useProfileStore } from '../../../shared/profile/profileStore.ts';
import { ErrorList } from '../../../shared/ErrorList.tsx';
import { localizeProfileProblem } from '../../../shared/i18n/coreMessages.ts';

const field = 'rounded border border-slate-300 bg-white p-1 text-sm dark:border-slate-700 dark:bg-slate-900';

/** The built-in profile whose input form (separator, label set or not) this profile has, else 'custom'. */
const formOf = (p: FormatProfile) => BUILTIN_PROFILES.find((b) => b.partSeparator === p.partSeparator && b.labelSetInInput === p.labelSetInInput)?.id ?? 'custom';

/** The IW and text-level label set of one task, and the separator: edited here, saved for next time. */
export function ProfileEditor({ task }: { task: TaskId }) {
  const { t } = useTranslation();
  const profile = useProfileStore((s) => s.profile);
  const errors = useProfileStore((s) => s.errors);
  const { setIw, setCategories, update, reset } = useProfileStore.getState();
  // Label text is edited freely and committed on blur, so a half-typed line is not rejected mid-typing.
  const [labels, setLabels] = useState<string | null>(null);
  return (
    <details className="text-sm" data-testid="profile-editor">
      <summary>
        {t('profile.heading')}: {profile.iw[task]} · {profile.categories[task].map((c) => `<${c}>`).join('')}
      </summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-4">
        <label className="grid gap-1">
          {t('profile.iw')}
          <input className={field} value={profile.iw[task]} onChange={(e) => setIw(task, e.target.value)} lang="ja" />
        </label>
        <label className="grid gap-1">
          {t('profile.labels')} <span className="text-xs text-slate-600 dark:text-slate-400">({t('profile.labelsHint')})</span>
          <textarea
            className={field}
            rows={3}
            lang="ja"
            value={labels ?? profile.categories[task].join('\n')}
            onChange={(e) => setLabels(e.target.value)}
            onBlur={() => {
              if (labels !== null) setCategories(task, labels.split('\n').map((l) => l.trim()).filter(Boolean));
              setLabels(null);
            }}
          />
        </label>
        <div className="grid gap-1">
          <label htmlFor="input-form">{t('profile.form')}</label>
          <select
            id="input-form"
            className={field}
            value={formOf(profile)}
            onChange={(e) => {
              // Choosing a form keeps the user's IWs and label sets: only the input's shape changes.
              const form = BUILTIN_PROFILES.find((b) => b.id === e.target.value);
              if (form) update({ partSeparator: form.partSeparator, labelSetInInput: form.labelSetInInput });
            }}
            data-testid="input-form"
          >
            <option value="model-card">{t('profile.formModelCard')}</option>
            <option value="tcree-csv">{t('profile.formTcreeCsv')}</option>
            {formOf(profile) === 'custom' && <option value="custom">{t('profile.formCustom')}</option>}
          </select>
          <span className="flex items-center gap-1">
            <input type="checkbox" checked={profile.labelSetInInput} onChange={(e) => update({ labelSetInInput: e.target.checked })} id="label-set-in-input" />
            <label htmlFor="label-set-in-input">{t('profile.labelSetInInput')}</label>
          </span>
        </div>
        <label className="grid gap-1">
          {t('profile.separator')}
          <select className={field} value={profile.partSeparator} onChange={(e) => update({ partSeparator: e.target.value as 'newline' | 'none' })}>
            <option value="newline">{t('profile.newline')}</option>
            <option value="none">{t('profile.none')}</option>
          </select>
          <button type="button" className="justify-self-start rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700" onClick={reset}>
            {t('profile.reset')}
          </button>
        </label>
      </div>
      {!TASKS[task].iwConfirmed && <p className="mt-1 text-xs text-amber-800 dark:text-amber-200">{t('profile.unconfirmed')}</p>}
      <ErrorList errors={errors.map(localizeProfileProblem)} className="mt-1" testId="profile-errors" />
    </details>
  );
}

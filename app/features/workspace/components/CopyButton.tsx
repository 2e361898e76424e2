import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyButton({ text, label }: { text: string | (() => string); label?: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-700"
      onClick={() => {
        void navigator.clipboard?.writeText(typeof text === 'string' ? text : text()).then(() => {
          setDone(true);
          setTimeout(() => setDone(false), 1500);
        });
      }}
    >
      {done ? t('input.copied') : (label ?? t('input.copy'))}
    </button>
  );
}

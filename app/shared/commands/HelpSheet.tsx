import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortcut, type Command } from './commands.ts';
import { isMac } from './useShortcuts.ts';

/** Every command with its shortcut, from the same definitions the key handler uses. */
export function HelpSheet<S>({ commands, onClose }: { commands: readonly Command<S>[]; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} onClose={onClose} className="m-auto max-h-[85vh] max-w-lg overflow-auto rounded border border-slate-300 bg-white p-4 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100" aria-labelledby="help-title">
      <h2 id="help-title" className="mb-2 font-medium">
        {t('app.help')}
      </h2>
      <table className="text-sm" data-testid="shortcuts">
        <tbody>
          {commands
            .filter((c) => c.shortcut)
            .map((c) => (
              <tr key={c.id}>
                <td className="pr-4">
                  <kbd className="rounded border border-slate-300 px-1 font-mono dark:border-slate-600">{formatShortcut(c.shortcut!, isMac())}</kbd>
                </td>
                <td>{t(c.label, c.labelParams ?? {})}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <form method="dialog" className="mt-3">
        <button className="rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-600" autoFocus>
          {t('commands.close')}
        </button>
      </form>
    </dialog>
  );
}

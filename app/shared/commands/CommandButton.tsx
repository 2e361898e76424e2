import { useTranslation } from 'react-i18next';
import { ariaShortcut, formatShortcut, type Command } from './commands.ts';
import { isMac } from './useShortcuts.ts';

/**
 * A button for a command: its label, its shortcut as a hint, its enabled state and its effect all come from
 * the one definition the key handler and the help sheet use. `label` overrides the text (e.g. a label name).
 */
export function CommandButton({ command, className, label }: { command: Command; className: string; label?: string }) {
  const { t } = useTranslation();
  const shortcut = command.shortcut ? formatShortcut(command.shortcut, isMac()) : null;
  return (
    <button
      type="button"
      className={className}
      disabled={!command.enabled()}
      onClick={() => command.run()}
      title={shortcut ? `${t(command.label)} (${shortcut})` : t(command.label)}
      aria-keyshortcuts={command.shortcut ? ariaShortcut(command.shortcut, isMac()) : undefined}
    >
      {label ?? t(command.label)}
      {shortcut && (
        <kbd className="ml-1 font-mono text-xs opacity-70" aria-hidden="true">
          {shortcut}
        </kbd>
      )}
    </button>
  );
}

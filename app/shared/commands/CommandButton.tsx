import type React from 'react';
import { useTranslation } from 'react-i18next';
import { ariaShortcut, formatShortcut, type Command } from './commands.ts';
import { isMac } from './useShortcuts.ts';

/**
 * A button for a command: its label, its shortcut as a hint, its enabled state and its effect all come from
 * the one definition the key handler and the help sheet use. `label` overrides the text (e.g. a label name);
 * `children` replace the whole content (a × control), with `ariaLabel` naming it.
 */
export function CommandButton<S>({ command, state, className, label, ariaLabel, children }: { command: Command<S>; state: S; className: string; label?: string; ariaLabel?: string; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const shortcut = command.shortcut ? formatShortcut(command.shortcut, isMac()) : null;
  const name = t(command.label, command.labelParams ?? {});
  return (
    <button
      type="button"
      className={className}
      disabled={!command.enabled(state)}
      onClick={() => command.run(state)}
      title={shortcut ? `${name} (${shortcut})` : name}
      aria-keyshortcuts={command.shortcut ? ariaShortcut(command.shortcut, isMac()) : undefined}
      aria-label={ariaLabel}
    >
      {children ?? label ?? name}
      {!children && shortcut && (
        <kbd className="ml-1 font-mono text-xs opacity-70" aria-hidden="true">
          {shortcut}
        </kbd>
      )}
    </button>
  );
}

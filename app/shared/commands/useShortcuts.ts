import { useEffect } from 'react';
import { commandFor, type Command } from './commands.ts';

export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const isTextField = (el: EventTarget | null) =>
  // A focused select takes letters and digits to pick an option: they must not fire commands there.
  el instanceof HTMLElement && (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type)));

/** One key listener for the app: each key press runs at most one command, never while an IME composes. */
export function useShortcuts<S>(commands: () => readonly Command<S>[], state: () => S) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const now = state();
      const within = (selector: string) => e.target === document.body || (e.target instanceof Element && e.target.closest(selector) !== null);
      const c = commandFor(e, commands(), now, isTextField(e.target), isMac(), within);
      if (!c) return;
      e.preventDefault();
      c.run(now);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, state]);
}
